/// One webhook notification `CRMMockServer.fireWebhook` sent, and how it went.
///
/// In JSON (the answer of `POST /<crm>/_mock/webhooks/fire`): `{"subscriptionId", "url", "status"}`
/// when the receiver answered, `{"subscriptionId", "url", "error"}` when it could not be delivered.
public struct WebhookDelivery: Sendable, Equatable, Codable {
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

    public init(subscriptionId: String, url: String, outcome: Outcome) {
        self.subscriptionId = subscriptionId
        self.url = url
        self.outcome = outcome
    }

    private enum CodingKeys: String, CodingKey {
        case subscriptionId, url, status, error
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subscriptionId = try container.decode(String.self, forKey: .subscriptionId)
        url = try container.decode(String.self, forKey: .url)
        if let status = try container.decodeIfPresent(Int.self, forKey: .status) {
            outcome = .answered(status: status)
        } else {
            outcome = .failed(try container.decode(String.self, forKey: .error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subscriptionId, forKey: .subscriptionId)
        try container.encode(url, forKey: .url)
        switch outcome {
        case .answered(let status): try container.encode(status, forKey: .status)
        case .failed(let reason): try container.encode(reason, forKey: .error)
        }
    }
}
