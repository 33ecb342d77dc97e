import StrictJSON

/// An activity an integration logged in a mock CRM (an SMS or a call), kept as posted so a test
/// can check exactly what arrived.
public struct StoredActivity: Sendable, Equatable, Codable {
    /// 1, 2, 3… per CRM, in the order they arrived.
    public var id: Int
    /// The CRM's own word for it: Pipedrive's `type` (`sms`, `call`), AxisCare's `type` (`sms`,
    /// `phone`), ScalingTest's `type` (`sms`, `call`), Attio `note`, Zoho CRM `note` or `call`.
    public var kind: String
    /// The CRM id of the person it is logged on.
    public var personId: String
    public var receivedAt: Timestamp
    /// The request body as sent.
    public var body: JSONValue
}
