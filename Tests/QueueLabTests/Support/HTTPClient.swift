import Foundation
import TestSupport

/// Real HTTP requests to a running HTTP API through Python's `http.client`
/// (`Tests/clients/http/request.py`), which sends paths, repeated headers and bodies exactly as
/// given; the request goes to the script as JSON, never pasted into code.
struct HTTPClient {
    let baseURL: String

    struct Reply {
        let status: Int
        /// In the order received.
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { jsonObject(text) }

        /// Every value of the header `name` (case-insensitive).
        func values(_ name: String) -> [String] {
            headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
        }
    }

    static let script = TestPaths.packageRoot + "/Tests/clients/http/request.py"

    /// `target` is the path and query as sent (`/webhooks/zoho%20crm?tag=a`).
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Reply {
        var spec: [String: Any] = ["url": baseURL + target, "method": method, "headers": headers.map { [$0.0, $0.1] }]
        if let body { spec["body"] = Data(body).base64EncodedString() }
        let request = String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self)
        let output = try await ClientProcess.run(TestPaths.python, [Self.script, request])
        guard output.status == 0, let reply = jsonObject(output.standardOutput) as [String: Any]?,
              let status = reply["status"] as? Int, let pairs = reply["headers"] as? [[String]],
              let body = (reply["body"] as? String).flatMap({ Data(base64Encoded: $0) })
        else {
            throw ClientFailed(description: "request.py failed (\(output.status)):\n\(output.standardError)\(output.standardOutput)")
        }
        return Reply(status: status, headers: pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }, body: Array(body))
    }
}
