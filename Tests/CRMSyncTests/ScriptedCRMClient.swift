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
