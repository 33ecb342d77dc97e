/// `PROCESS_PERSON_BATCH`: fetch these persons by id, transform them and upsert them to Quo. The
/// batch holds one page's persons (a webhook's batch is page 0 of a one-page Process), so recording
/// it marks `page` done.
public struct ProcessPersonBatch: Codable, Sendable, Equatable {
    public var processId: String
    public var personObjectType: String
    public var crmPersonIds: [String]
    public var page: Int
    public var isWebhook: Bool
    /// Persons that failed in `page`, which their Process already counted as failed, sent on one
    /// by one so that each poison record fails its own message until SQS dead-letters it. Retrying
    /// upserts those that now succeed and records nothing on the Process.
    public var retryOfFailed: Bool

    public init(
        processId: String, personObjectType: String, crmPersonIds: [String], page: Int, isWebhook: Bool = false,
        retryOfFailed: Bool = false
    ) {
        self.processId = processId
        self.personObjectType = personObjectType
        self.crmPersonIds = crmPersonIds
        self.page = page
        self.isWebhook = isWebhook
        self.retryOfFailed = retryOfFailed
    }

    enum CodingKeys: String, CodingKey {
        case processId, personObjectType, crmPersonIds, page, isWebhook, retryOfFailed
    }

    /// `isWebhook` and `retryOfFailed` may be left out (false), as the seed's events leave them out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        processId = try container.decode(String.self, forKey: .processId)
        personObjectType = try container.decode(String.self, forKey: .personObjectType)
        crmPersonIds = try container.decode([String].self, forKey: .crmPersonIds)
        page = try container.decode(Int.self, forKey: .page)
        isWebhook = try container.decodeIfPresent(Bool.self, forKey: .isWebhook) ?? false
        retryOfFailed = try container.decodeIfPresent(Bool.self, forKey: .retryOfFailed) ?? false
    }
}
