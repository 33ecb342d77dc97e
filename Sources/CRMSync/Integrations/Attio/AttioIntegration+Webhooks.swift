extension AttioIntegration {
    /// `{"webhook_id", "events": [{"event_type": "record.updated", "id": {"record_id", …}}]}`.
    public static func webhookChanges(in body: [UInt8]) throws(CRMIntegrationError) -> WebhookReceived {
        let notification = try webhookNotification(body, as: Notification.self)
        let records = notification.events.filter { $0.eventType.hasPrefix("record.") }.map { WebhookReceived.Record(id: $0.id.recordId) }
        guard !records.isEmpty else {
            throw CRMIntegrationError(.invalidWebhook, "the Attio notification names no record")
        }
        return WebhookReceived(records: records)
    }

    struct Notification: Decodable {
        var events: [Event]

        struct Event: Decodable {
            var eventType: String
            var id: EventId

            enum CodingKeys: String, CodingKey {
                case eventType = "event_type"
                case id
            }
        }

        struct EventId: Decodable {
            var recordId: String

            enum CodingKeys: String, CodingKey {
                case recordId = "record_id"
            }
        }
    }
}
