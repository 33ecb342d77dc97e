import NIOCore
import NIOHTTP1
import NIOPosix
import StrictJSON

/// Sends webhook notifications as a CRM does: one JSON POST per connection, waiting for the status.
struct WebhookClient: Sendable {
    let eventLoopGroup: any EventLoopGroup
    /// A receiver that does not answer within this long is reported as failed.
    var timeout: Duration = .seconds(10)

    private struct ClosedWithoutAnswer: Error, CustomStringConvertible {
        var description: String { "the receiver closed the connection without answering" }
    }

    func post(_ payload: JSONValue, to subscription: WebhookSubscription) async -> WebhookDelivery {
        var delivery = WebhookDelivery(subscriptionId: subscription.id, url: subscription.url, outcome: .failed("not an http:// URL"))
        guard let target = WebhookTarget(subscription.url) else { return delivery }
        let body = MockResponse.encode(payload)
        let timeout = timeout
        do {
            let status = try await withThrowingTaskGroup(of: Int?.self) { group in
                group.addTask { try await send(body, to: target) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
            delivery.outcome = status.map { .answered(status: $0) } ?? .failed("no answer within \(timeout)")
        } catch {
            delivery.outcome = .failed("\(error)")
        }
        return delivery
    }

    private func send(_ body: [UInt8], to target: WebhookTarget) async throws -> Int {
        let channel = try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(.seconds(5))
            .connect(host: target.host, port: target.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            let headers: HTTPHeaders = [
                "Host": target.port == 80 ? target.host : "\(target.host):\(target.port)", "Content-Type": "application/json",
                "Content-Length": String(body.count), "Connection": "close", "User-Agent": "QueueLab-CRMMock",
            ]
            try await outbound.write(.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: target.requestTarget, headers: headers)))
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
            try await outbound.write(.end(nil))
            var status: Int?
            for try await part in inbound {
                switch part {
                case .head(let head): status = Int(head.status.code)
                case .body: continue
                case .end: if let status { return status }
                }
            }
            throw ClosedWithoutAnswer()
        }
    }
}
