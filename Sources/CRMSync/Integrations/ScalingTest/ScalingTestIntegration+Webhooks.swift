extension ScalingTestIntegration {
    /// `{"event": "person.updated", "timestamp", "data": person}`.
    public static func webhookChanges(in body: [UInt8]) throws(CRMIntegrationError) -> WebhookReceived {
        let notification = try webhookNotification(body, as: Notification.self)
        guard notification.event.hasPrefix("person.") else {
            throw CRMIntegrationError(.invalidWebhook, "ScalingTest sent \(notification.event), not a person event")
        }
        return WebhookReceived(records: [WebhookReceived.Record(id: notification.data.id)])
    }

    struct Notification: Decodable {
        var event: String
        var data: Person

        struct Person: Decodable {
            var id: String
        }
    }
}
