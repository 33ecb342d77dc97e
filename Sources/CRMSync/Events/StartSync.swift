/// `INITIAL_SYNC` (a user action) and `ONGOING_SYNC` (the poll timer): start one sync Process per
/// person object type of the integration. The worker knows its integration (`INTEGRATION_NAME`),
/// so the seed's `integrationId` is optional and only kept on the Process.
public struct StartSync: Codable, Sendable, Equatable {
    public var integrationId: String?

    public init(integrationId: String? = nil) {
        self.integrationId = integrationId
    }
}
