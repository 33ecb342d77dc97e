import Foundation

/// One CRM the sync reads persons from and logs Quo activity to: the five methods the seed's
/// `BaseCRMIntegration` asks each CRM for, plus the optional bulk fetch. An integration is a
/// value built around a `CRMClient` (build one per invocation, with that invocation's retrying
/// client); everything about queues and the Process is the worker's, not the integration's.
public protocol CRMIntegration: Sendable {
    associatedtype Person: CRMPerson

    /// The integration's name: its folder under `functions/` and its `INTEGRATION_NAME`.
    static var name: String { get }
    /// The CRM objects that hold persons, synced one Process each (`crmObjectName` in integration.json).
    static var personObjectTypes: [String] { get }
    /// How the CRM pages, which decides the requests `fetchPersonPage` sends for a page index.
    static var paginationStyle: PaginationStyle { get }
    /// Whether `fetchPersonsByIds` works; without it a worker processes a page's persons as it
    /// fetches them instead of sending their ids on as `PROCESS_PERSON_BATCH`.
    static var fetchesPersonsByIds: Bool { get }

    var client: any CRMClient { get }

    init(client: any CRMClient)

    /// 1. One page of persons of `request.objectType`, in the order asked.
    func fetchPersonPage(_ request: PageRequest) async throws -> PersonPage<Person>
    /// 2. The Quo contact for a person; throws for a poison record (see `ContactFieldRules`).
    func transformPersonToQuo(_ person: Person) async throws(PersonTransformError) -> QuoContact
    /// 3. Logs an SMS on the CRM contact.
    func logSMSToActivity(_ activity: SMSActivity) async throws
    /// 4. Logs a call on the CRM contact.
    func logCallToActivity(_ activity: CallActivity) async throws
    /// 5. Subscribes the worker's webhook endpoint, `<apiURL>/webhooks/<name>`, to person
    /// changes; does nothing for a CRM without webhooks (it is polled).
    func setupWebhooks(apiURL: String) async throws
    /// Optional: the persons with these ids (those that still exist).
    func fetchPersonsByIds(_ ids: [String], objectType: String) async throws -> [Person]
    /// The persons a webhook notification names: the body of the CRM's POST to `webhookURL`.
    /// Throws for a body that is not one of the CRM's notifications, and for a CRM without webhooks.
    static func webhookChanges(in body: [UInt8]) throws(CRMIntegrationError) -> WebhookReceived
}

extension CRMIntegration {
    public static var fetchesPersonsByIds: Bool { false }

    public func fetchPersonsByIds(_ ids: [String], objectType: String) async throws -> [Person] {
        throw CRMIntegrationError(.unsupported, "\(Self.name) cannot fetch persons by id; process pages as they are fetched")
    }

    public static func webhookChanges(in body: [UInt8]) throws(CRMIntegrationError) -> WebhookReceived {
        throw CRMIntegrationError(.unsupported, "\(name) has no webhooks; its changes are found by polling (ONGOING_SYNC)")
    }

    /// `body` decoded as the CRM's webhook notification.
    static func webhookNotification<Notification: Decodable>(_ body: [UInt8], as type: Notification.Type) throws(CRMIntegrationError)
        -> Notification
    {
        do {
            return try JSONDecoder().decode(Notification.self, from: Data(body))
        } catch {
            throw CRMIntegrationError(.invalidWebhook, "not a \(name) webhook notification: \(error)")
        }
    }

    /// The Quo contacts of `persons`, and the poison records among them.
    public func transformPersons(_ persons: [Person]) async -> (contacts: [QuoContact], failures: [PersonTransformError]) {
        var contacts: [QuoContact] = []
        var failures: [PersonTransformError] = []
        for person in persons {
            do {
                contacts.append(try await transformPersonToQuo(person))
            } catch {
                failures.append(error)
            }
        }
        return (contacts, failures)
    }

    /// `contactExternalId` as the integer id the CRM writes it as (Pipedrive, AxisCare); the
    /// transforms make it a string because Quo's `externalId` is one.
    static func integerId(_ contactExternalId: String) throws(CRMIntegrationError) -> Int {
        guard let id = Int(contactExternalId) else {
            throw CRMIntegrationError(.invalidContactId, "\(name) contact ids are integers, not \"\(contactExternalId)\"")
        }
        return id
    }

    /// Where the CRM sends its webhooks for this integration (the route `queuelab generate` gives the webhook function, `/webhooks/<name>`).
    public static func webhookURL(apiURL: String) -> String {
        (apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL) + "/webhooks/\(name)"
    }
}
