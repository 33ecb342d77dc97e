import Foundation

/// One message on an integration's queue: `{"event": "FETCH_PERSON_PAGE", "data": {…}}`, the
/// shape the seed's `QueuerUtil.batchSend` sends.
public enum SyncEvent: Sendable, Equatable {
    case initialSync(StartSync)
    case ongoingSync(StartSync)
    case webhookReceived(WebhookReceived)
    case fetchPersonPage(FetchPersonPage)
    case processPersonBatch(ProcessPersonBatch)
    case completeSync(CompleteSync)
    case logSMS(QuoMessage)
    case logCall(QuoCall)

    public var type: SyncEventType {
        switch self {
        case .initialSync: .initialSync
        case .ongoingSync: .ongoingSync
        case .webhookReceived: .webhookReceived
        case .fetchPersonPage: .fetchPersonPage
        case .processPersonBatch: .processPersonBatch
        case .completeSync: .completeSync
        case .logSMS: .logSMS
        case .logCall: .logCall
        }
    }

    /// The SQS message body that carries this event (keys sorted, so equal events give equal bodies).
    public func messageBody() -> String {
        switch self {
        case .initialSync(let payload), .ongoingSync(let payload): body(payload)
        case .webhookReceived(let payload): body(payload)
        case .fetchPersonPage(let payload): body(payload)
        case .processPersonBatch(let payload): body(payload)
        case .completeSync(let payload): body(payload)
        case .logSMS(let payload): body(payload)
        case .logCall(let payload): body(payload)
        }
    }

    private func body<Payload: Codable>(_ payload: Payload) -> String {
        // Payloads hold only strings, integers, booleans and dates, which always encode.
        let data = try! SyncEventCoding.encoder().encode(Envelope(event: type, data: payload))
        return String(decoding: data, as: UTF8.self)
    }

    struct Envelope<Payload: Codable>: Codable {
        var event: SyncEventType
        var data: Payload
    }
}
