extension ZohoCRMIntegration {
    /// A notification of the watch `setupWebhooks` registers: `{"module": "Contacts", "ids": [id],
    /// "operation": "update", …}`; the module tells the person object type.
    public static func webhookChanges(in body: [UInt8]) throws(CRMIntegrationError) -> WebhookReceived {
        let notification = try webhookNotification(body, as: Notification.self)
        guard let module = ZohoModule(rawValue: notification.module) else {
            throw CRMIntegrationError(.invalidWebhook, "Zoho CRM notified a change in module \(notification.module), not Contacts or Leads")
        }
        guard !notification.ids.isEmpty else {
            throw CRMIntegrationError(.invalidWebhook, "the Zoho CRM notification names no record")
        }
        return WebhookReceived(records: notification.ids.map(WebhookReceived.Record.init(id:)), personObjectType: module.objectType)
    }

    struct Notification: Decodable {
        var module: String
        var ids: [String]
    }
}
