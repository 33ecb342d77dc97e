/// A webhook an integration registered with a mock CRM.
public struct WebhookSubscription: Sendable, Equatable, Codable {
    /// The CRM's id for it (Zoho CRM: the client's `channel_id`).
    public var id: String
    /// Where firings are POSTed; `http://` only.
    public var url: String
    /// The events asked for, in the CRM's vocabulary: Pipedrive `updated.person` (from
    /// `event_action` and `event_object`, either may be `*`), Attio `record.updated`, Zoho CRM
    /// `Contacts.all`/`Leads.edit`…, ScalingTest `person.updated`.
    public var events: [String]
    /// Zoho CRM's `token`, echoed in every notification.
    public var token: String?
}
