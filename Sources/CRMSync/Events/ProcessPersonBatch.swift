/// `PROCESS_PERSON_BATCH`: fetch these persons by id, transform them and upsert them to Quo. The
/// batch holds one page's persons (a webhook's batch is page 0 of a one-page Process), so recording
/// it marks `page` done.
public struct ProcessPersonBatch: Codable, Sendable, Equatable {
    public var processId: String
    public var personObjectType: String
    public var crmPersonIds: [String]
    public var page: Int
    public var isWebhook: Bool

    public init(processId: String, personObjectType: String, crmPersonIds: [String], page: Int, isWebhook: Bool = false) {
        self.processId = processId
        self.personObjectType = personObjectType
        self.crmPersonIds = crmPersonIds
        self.page = page
        self.isWebhook = isWebhook
    }
}
