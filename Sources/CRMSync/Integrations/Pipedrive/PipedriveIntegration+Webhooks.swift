extension PipedriveIntegration {
    /// `{"v": 1, "event": "updated.person", "meta": {"object": "person", "id": 12, …}, "current": …}`.
    public static func webhookChanges(in body: [UInt8]) throws(CRMIntegrationError) -> WebhookReceived {
        let notification = try webhookNotification(body, as: Notification.self)
        guard notification.meta.object == "person" else {
            throw CRMIntegrationError(.invalidWebhook, "Pipedrive notified a change to a \(notification.meta.object), not a person")
        }
        return WebhookReceived(records: [WebhookReceived.Record(id: String(notification.meta.id))])
    }

    struct Notification: Decodable {
        var meta: Meta

        struct Meta: Decodable {
            var object: String
            var id: Int
        }
    }
}
