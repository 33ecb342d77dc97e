import CRMMock
import CRMSync
import Foundation
import TestSupport
import Testing

/// The real mock server on a free port, every CRM with `records` persons of each kind of which
/// the `poison` numbers have unusable phone numbers, and its Quo in a fresh SQLite file.
struct MockCRMFixture: Sendable {
    static let records = 30
    static let poison: Set<Int> = [3, 17]

    let server: CRMMockServer
    /// `http://127.0.0.1:<port>`, the root of every prefix.
    let url: String

    /// Runs `body` against a fixture that serves until `body` returns.
    static func run(_ body: @Sendable (MockCRMFixture) async throws -> Void) async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var settings: [CRM: CRMSettings] = [:]
        for crm in CRM.allCases {
            var crmSettings = CRMSettings.defaults(for: crm)
            crmSettings.records = records
            crmSettings.poison = poison
            settings[crm] = crmSettings
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = try CRMMockServer(
            configuration: .init(quoDatabasePath: directory + "/quo.sqlite", settings: settings),
            onListening: { continuation.yield($0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            guard let port = await ports.first(where: { _ in true }) else { return }
            try await body(MockCRMFixture(server: server, url: "http://127.0.0.1:\(port)"))
        }
    }

    /// The integration named `name`, talking over HTTP to the mock CRM of the same name.
    func integration(named name: String) throws -> any CRMIntegration {
        try IntegrationCatalog.integration(named: name, client: HTTPCRMClient(baseURL: url + "/" + name))
    }

    /// The mock Quo's API.
    var quoClient: HTTPCRMClient { HTTPCRMClient(baseURL: url + "/quo") }
}

extension CRMIntegration {
    /// The mock CRM this integration talks to: the mock serves each CRM under the integration's name.
    static var mockCRM: CRM {
        get throws { try #require(CRM(rawValue: name), "the mock has no CRM named \(name)") }
    }

    /// The mock's kind of person for one of `personObjectTypes` (Zoho CRM's `Lead`; every other is a contact).
    static func mockKind(of objectType: String) -> PersonKind {
        objectType == "Lead" ? .lead : .contact
    }

    /// The id the mock CRM gives person `number` of `objectType`.
    static func mockPersonId(_ number: Int, _ objectType: String) throws -> String {
        try mockCRM.personId(number: number, kind: mockKind(of: objectType))
    }
}
