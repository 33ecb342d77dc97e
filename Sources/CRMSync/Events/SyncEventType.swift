/// The `event` names of the seed's queue messages (`BaseCRMIntegration.events`).
public enum SyncEventType: String, CaseIterable, Sendable, Codable {
    case initialSync = "INITIAL_SYNC"
    case ongoingSync = "ONGOING_SYNC"
    case webhookReceived = "WEBHOOK_RECEIVED"
    case fetchPersonPage = "FETCH_PERSON_PAGE"
    case processPersonBatch = "PROCESS_PERSON_BATCH"
    case completeSync = "COMPLETE_SYNC"
    case logSMS = "LOG_SMS"
    case logCall = "LOG_CALL"
}
