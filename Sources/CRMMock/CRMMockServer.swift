import Logging
import NIOCore
import NIOPosix
import ServerSupport
import ServiceLifecycle

/// Offline Pipedrive, Attio, AxisCare, Zoho CRM and ScalingTest, and the Quo they sync into, on
/// one loopback port, each API under its own path prefix (routes: docs/crm-mock.md). The CRMs
/// serve generated people in their own JSON shapes and pagination styles, with realism knobs
/// (`CRMSettings`); Quo keeps the contacts it receives in its own SQLite file.
public struct CRMMockServer: Service {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 picks a free port; `onListening` receives the one bound.
        public var port: Int
        /// The mock Quo's SQLite file (created if missing; contacts persist across runs).
        public var quoDatabasePath: String
        /// Per CRM; a CRM left out gets `CRMSettings.defaults(for:)`.
        public var settings: [CRM: CRMSettings]

        public init(quoDatabasePath: String, host: String = "127.0.0.1", port: Int = 0, settings: [CRM: CRMSettings] = [:]) {
            self.host = host
            self.port = port
            self.quoDatabasePath = quoDatabasePath
            self.settings = settings
        }
    }

    /// The mock Quo's contacts, to check what a sync wrote.
    public let quo: QuoContactStore
    private let configuration: Configuration
    private let crms: MockCRMs
    private let logger: Logger
    private let onListening: @Sendable (Int) async -> Void

    /// Opens the Quo store; the server starts serving in `run()`.
    public init(
        configuration: Configuration, logger: Logger = Logger(label: "queuelab.crm-mock"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(CRMMockError) {
        self.configuration = configuration
        quo = try QuoContactStore(path: configuration.quoDatabasePath)
        crms = MockCRMs(
            settings: configuration.settings, webhookClient: WebhookClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton),
            logger: logger)
        self.logger = logger
        self.onListening = onListening
    }

    /// Serves until graceful shutdown or cancellation; throws `HTTPServerError` if the port cannot
    /// be bound.
    public func run() async throws {
        let responder = CRMMockResponder(crms: crms, quo: QuoAPI(store: quo, logger: logger))
        let server = HTTPServer(
            label: "mock CRM endpoint", host: configuration.host, port: configuration.port,
            maximumBodySize: CRMMockResponder.maximumBodySize, responder: responder.respond(to:))
        try await server.run(onListening: onListening)
    }

    public func settings(for crm: CRM) async -> CRMSettings {
        await crms[crm].state.settings
    }

    /// Changes `crm`'s settings at once, for the requests that follow; its rate limit starts full
    /// and its error rate counts from zero again.
    public func update(_ settings: CRMSettings, for crm: CRM) async {
        await crms[crm].state.update(settings)
    }

    public func counters(for crm: CRM) async -> CRMCounters {
        await crms[crm].state.counters
    }

    /// Every CRM's counters.
    public func counters() async -> [CRM: CRMCounters] {
        var counters: [CRM: CRMCounters] = [:]
        for crm in CRM.allCases { counters[crm] = await self.counters(for: crm) }
        return counters
    }

    /// The activities (SMS and calls) logged in `crm`, in the order they arrived.
    public func activities(for crm: CRM) async -> [StoredActivity] {
        await crms[crm].state.activities
    }

    /// The webhooks registered with `crm`.
    public func webhooks(for crm: CRM) async -> [WebhookSubscription] {
        await crms[crm].state.webhooks
    }

    /// Modifies person `personId` of `crm` as a user editing it would (a new modification time,
    /// after every other; the email address gains `.rN` for revision N), then POSTs the CRM's
    /// webhook notification about it to every registered webhook that asked for person updates,
    /// one after another. AxisCare has no webhooks: its person is only modified, for polling with
    /// `modified_since` to find.
    /// Another process does the same with `POST /<crm>/_mock/webhooks/fire`.
    /// - Returns: one delivery per notification sent, with the receiver's status.
    public func fireWebhook(crm: CRM, personId: String) async throws(CRMMockError) -> [WebhookDelivery] {
        try await crms[crm].fireWebhook(personId: personId)
    }
}
