import CRMSync
import Foundation
import Testing

@Suite("Queue events: SQS message bodies to typed events and back")
struct SyncEventTests {
    static let modified = Date(timeIntervalSince1970: 1_759_401_000)  // 2025-10-02T10:30:00Z
    static let created = Date(timeIntervalSince1970: 1_759_492_800)  // 2025-10-03T12:00:00Z

    static let examples: [(body: String, event: SyncEvent)] = [
        (#"{"event":"INITIAL_SYNC","data":{"integrationId":"int-789"}}"#, .initialSync(StartSync(integrationId: "int-789"))),
        (#"{"event":"INITIAL_SYNC"}"#, .initialSync(StartSync())),
        (#"{"event":"ONGOING_SYNC","data":{}}"#, .ongoingSync(StartSync())),
        (
            #"{"event":"WEBHOOK_RECEIVED","data":{"records":[{"id":"rec-1"},{"id":42}],"personObjectType":"Lead"}}"#,
            .webhookReceived(WebhookReceived(records: [.init(id: "rec-1"), .init(id: "42")], personObjectType: "Lead"))
        ),
        (
            #"{"event":"WEBHOOK_RECEIVED","data":{"records":{"id":7}}}"#,
            .webhookReceived(WebhookReceived(records: [.init(id: "7")]))
        ),
        (
            #"{"event":"FETCH_PERSON_PAGE","data":{"processId":"p1","personObjectType":"Contact","page":3,"limit":100,"modifiedSince":"2025-10-02T10:30:00Z","sortDesc":false,"chained":false}}"#,
            .fetchPersonPage(FetchPersonPage(
                processId: "p1", personObjectType: "Contact", page: 3, limit: 100, modifiedSince: modified, sortDesc: false))
        ),
        (
            #"{"event":"FETCH_PERSON_PAGE","data":{"processId":"p1","personObjectType":"Person","page":4,"limit":50,"sortDesc":true,"chained":true,"cursor":"c-4"}}"#,
            .fetchPersonPage(FetchPersonPage(
                processId: "p1", personObjectType: "Person", page: 4, limit: 50, sortDesc: true, chained: true, cursor: "c-4"))
        ),
        (
            #"{"event":"PROCESS_PERSON_BATCH","data":{"processId":"p1","personObjectType":"Contact","crmPersonIds":["1","2"],"page":0,"isWebhook":true}}"#,
            .processPersonBatch(ProcessPersonBatch(
                processId: "p1", personObjectType: "Contact", crmPersonIds: ["1", "2"], page: 0, isWebhook: true))
        ),
        (#"{"event":"COMPLETE_SYNC","data":{"processId":"p1"}}"#, .completeSync(CompleteSync(processId: "p1"))),
        (
            #"{"event":"LOG_SMS","data":{"direction":"inbound","body":"Hi","createdAt":"2025-10-03T12:00:00.000Z","contactId":"123"}}"#,
            .logSMS(QuoMessage(direction: .inbound, body: "Hi", createdAt: created, contactId: "123"))
        ),
        (
            #"{"event":"LOG_CALL","data":{"direction":"outbound","duration":95,"aiSummary":"Booked a demo","createdAt":"2025-10-03T14:00:00+02:00","contactId":"123"}}"#,
            .logCall(QuoCall(direction: .outbound, duration: 95, aiSummary: "Booked a demo", createdAt: created, contactId: "123"))
        ),
    ]

    @Test("each event type decodes from the body the seed's queuer sends", arguments: examples)
    func decodes(body: String, event: SyncEvent) throws {
        #expect(try SyncEvent(messageBody: body) == event)
    }

    @Test("every event type survives a trip through its message body", arguments: examples.map(\.event))
    func roundTrip(event: SyncEvent) throws {
        #expect(try SyncEvent(messageBody: event.messageBody()) == event)
    }

    @Test("the examples cover every event type")
    func coversEveryType() {
        #expect(Set(Self.examples.map(\.event.type)) == Set(SyncEventType.allCases))
    }

    @Test("a body is the envelope with sorted keys and dates in UTC with milliseconds")
    func body() {
        let event = SyncEvent.fetchPersonPage(FetchPersonPage(
            processId: "p1", personObjectType: "Contact", page: 2, limit: 100, modifiedSince: Self.modified, sortDesc: true))
        #expect(event.messageBody() == #"{"data":{"chained":false,"limit":100,"modifiedSince":"2025-10-02T10:30:00.000Z","page":2,"personObjectType":"Contact","processId":"p1","sortDesc":true},"event":"FETCH_PERSON_PAGE"}"#)
    }

    static let failures: [(body: String, code: SyncEventDecodingErrorCode, message: String)] = [
        (#"{"event": "COMPLETE_SYNC", "data": {"processId": "p1",}}"#, .malformedJSON,
         "the message body is not JSON: line 1, column 55: trailing comma before '}'"),
        ("", .malformedJSON, "the message body is not JSON: line 1, column 1: unexpected end of file; expected a value"),
        (#"["COMPLETE_SYNC"]"#, .notAnEvent, #"the message body is not a JSON object with "event" and "data""#),
        (#"{"data":{"processId":"p1"}}"#, .missingField, #"the message has no "event""#),
        (#"{"event":7,"data":{}}"#, .invalidField, #""event" must be a string naming the event type"#),
        (#"{"event":"DELETE_ALL","data":{}}"#, .unknownEventType,
         #"unknown event type "DELETE_ALL"; known: INITIAL_SYNC, ONGOING_SYNC, WEBHOOK_RECEIVED, FETCH_PERSON_PAGE, PROCESS_PERSON_BATCH, COMPLETE_SYNC, LOG_SMS, LOG_CALL"#),
        (#"{"event":"COMPLETE_SYNC"}"#, .missingField, "COMPLETE_SYNC needs data"),
        (#"{"event":"FETCH_PERSON_PAGE","data":{"processId":"p1","page":1}}"#, .missingField,
         "FETCH_PERSON_PAGE needs data.personObjectType"),
        (#"{"event":"PROCESS_PERSON_BATCH","data":{"processId":"p1","personObjectType":"Contact","crmPersonIds":["1",null],"page":0,"isWebhook":false}}"#,
         .missingField, "PROCESS_PERSON_BATCH needs data.crmPersonIds[1] (String), found null"),
        (#"{"event":"FETCH_PERSON_PAGE","data":{"processId":"p1","personObjectType":"Contact","page":"3","limit":100,"sortDesc":true,"chained":false}}"#,
         .invalidField, "FETCH_PERSON_PAGE: data.page has the wrong type; expected Int"),
        (#"{"event":"LOG_CALL","data":{"direction":"sideways","duration":1,"createdAt":"2025-10-03T12:00:00Z","contactId":"1"}}"#,
         .invalidField, "LOG_CALL: data.direction: Cannot initialize Direction from invalid String value sideways"),
        (#"{"event":"LOG_SMS","data":{"direction":"inbound","body":"Hi","createdAt":"yesterday","contactId":"1"}}"#,
         .invalidField, #"LOG_SMS: data.createdAt: "yesterday" is not an ISO 8601 date and time such as 2025-10-03T12:00:00Z"#),
    ]

    @Test("a body that is not an event fails with a code and a message that says why", arguments: failures)
    func rejects(body: String, code: SyncEventDecodingErrorCode, message: String) {
        #expect(throws: SyncEventDecodingError(code, message)) { try SyncEvent(messageBody: body) }
    }
}
