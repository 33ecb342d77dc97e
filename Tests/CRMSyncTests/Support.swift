import CRMSync
import Foundation
import Synchronization

/// A CRM answering in memory, as the test scripts it, recording every request: the one fake of
/// these tests, standing in for the mock CRM server that is built separately.
final class ScriptedCRMClient: CRMClient {
    private let answer: @Sendable (CRMRequest) -> CRMResponse
    private let recorded = Mutex<[CRMRequest]>([])

    init(_ answer: @escaping @Sendable (CRMRequest) -> CRMResponse) {
        self.answer = answer
    }

    /// Answers every request with `json` (status 200).
    convenience init(json: String) {
        self.init { _ in CRMResponse(status: 200, body: Array(json.utf8)) }
    }

    /// Answers the requests in turn with `responses`, then with 200 and `{}`.
    convenience init(sequence responses: [CRMResponse]) {
        let remaining = Mutex(responses)
        self.init { _ in
            remaining.withLock { $0.isEmpty ? CRMResponse(status: 200, body: Array("{}".utf8)) : $0.removeFirst() }
        }
    }

    var requests: [CRMRequest] { recorded.withLock { $0 } }

    func send(_ request: CRMRequest) async throws -> CRMResponse {
        recorded.withLock { $0.append(request) }
        return answer(request)
    }
}

extension CRMRequest {
    /// The body as text, for comparing with the JSON a CRM expects.
    var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }
}

/// A wall clock the test sets.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_759_492_800)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(seconds: Double) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

enum TestFiles {
    /// A path for a new state file in a new folder.
    static func newDatabasePath() -> String {
        NSTemporaryDirectory() + "crmsync-tests-\(UUID().uuidString)/processes.sqlite"
    }

    /// The package root, above this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A product built next to the test bundle (`swift build --build-tests` builds it).
    static func product(_ name: String) -> String? {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
