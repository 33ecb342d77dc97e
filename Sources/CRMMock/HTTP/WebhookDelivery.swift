/// One webhook notification `CRMMockServer.fireWebhook` sent, and how it went.
public struct WebhookDelivery: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The receiver answered with this HTTP status.
        case answered(status: Int)
        /// It could not be delivered (no connection, no answer in time).
        case failed(String)
    }

    /// The subscription's id in the CRM.
    public var subscriptionId: String
    public var url: String
    public var outcome: Outcome
}
