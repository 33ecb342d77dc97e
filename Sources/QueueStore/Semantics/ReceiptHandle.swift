import Foundation

/// A receipt handle names the queue, the stored message and the receive that produced it, so a
/// handle from an earlier receive of the same message is recognised as stale.
struct ReceiptHandle: Equatable {
    var queueId: Int64
    var rowId: Int64
    var nonce: String

    var encoded: String {
        Data("\(queueId):\(rowId):\(nonce)".utf8).base64EncodedString()
    }

    init(queueId: Int64, rowId: Int64, nonce: String) {
        self.queueId = queueId
        self.rowId = rowId
        self.nonce = nonce
    }

    init(decoding handle: String) throws(SQSError) {
        guard let data = Data(base64Encoded: handle), let text = String(data: data, encoding: .utf8) else {
            throw .invalidReceiptHandle(handle)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let queueId = Int64(parts[0]), let rowId = Int64(parts[1]), !parts[2].isEmpty else {
            throw .invalidReceiptHandle(handle)
        }
        self.init(queueId: queueId, rowId: rowId, nonce: String(parts[2]))
    }

    static func newNonce() -> String {
        String(UInt64.random(in: 1...UInt64.max), radix: 36)
    }
}
