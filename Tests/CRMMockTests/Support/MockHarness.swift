import CRMMock
import Foundation
import StrictJSON
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The mock server running on a free port with its own Quo file, and an HTTP client for it.
struct MockHarness: Sendable {
    let server: CRMMockServer
    let port: Int

    /// One session for every harness: invalidating a session waits on its work queue.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 32
        return URLSession(configuration: configuration)
    }()

    /// Runs `body` with a server configured with `settings` (knob strings per CRM).
    static func run(_ knobs: [CRM: [String]] = [:], _ body: (MockHarness) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crmmock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var settings: [CRM: CRMSettings] = [:]
        for (crm, crmKnobs) in knobs { settings[crm] = try CRMSettings(crm, knobs: crmKnobs) }
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        let configuration = CRMMockServer.Configuration(quoDatabasePath: directory.appendingPathComponent("quo.sqlite").path, settings: settings)
        let server = try CRMMockServer(configuration: configuration, onListening: { bound.yield($0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            var listening = ports.makeAsyncIterator()
            let port = try #require(await listening.next())
            try await body(MockHarness(server: server, port: port))
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send("GET", path, body: nil, headers: headers)
    }

    func post(_ path: String, _ body: JSONValue) async throws -> Reply {
        try await send("POST", path, body: Data(try JSONEncoder().encode(body)), headers: ["Content-Type": "application/json"])
    }

    private func send(_ method: String, _ path: String, body: Data?, headers: [String: String]) async throws -> Reply {
        let url = try #require(URL(string: baseURL + path), "\(path)")
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.dataOnDedicatedThread(for: request)
        let http = try #require(response as? HTTPURLResponse)
        let json = data.isEmpty ? nil : try JSONParser.parse(Array(data))
        return Reply(status: http.statusCode, retryAfter: http.value(forHTTPHeaderField: "Retry-After"), json: json)
    }
}

/// An answer: status, `Retry-After`, and the body parsed by the strict parser (nil when empty).
struct Reply: Sendable {
    let status: Int
    let retryAfter: String?
    let json: JSONValue?

    /// The body, required.
    var body: JSONValue {
        get throws { try #require(json, "empty body (status \(status))") }
    }
}
