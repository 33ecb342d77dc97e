import CRMSync
import Testing

@Suite("The worker's environment")
struct WorkerEnvironmentTests {
    static let minimal = [
        "INTEGRATION_NAME": "zoho-crm", "ZOHO_CRM_QUEUE_URL": "http://127.0.0.1:9324/000000000000/zoho-crm-queue",
        "CRM_MOCK_URL": "http://127.0.0.1:4010/",
    ]

    @Test("defaults: the mock's prefixes, the seed's paging, Process files under /tmp")
    func defaults() throws {
        let environment = try WorkerEnvironment(Self.minimal)
        #expect(environment.queueURL == "http://127.0.0.1:9324/000000000000/zoho-crm-queue")
        #expect(environment.crmURL == "http://127.0.0.1:4010/zoho-crm")
        #expect(environment.quoURL == "http://127.0.0.1:4010/quo")
        #expect(environment.processDatabasePath == "/tmp/crm-sync/zoho-crm.sqlite")
        #expect(environment.apiURL == nil)
        #expect(environment.settings == SyncSettings())
    }

    @Test("CRM_API_URL and QUO_API_URL win over the mock; SYNC_* set the paging")
    func overrides() throws {
        var variables = Self.minimal
        variables["CRM_API_URL"] = "http://crm.example:8080/api"
        variables["QUO_API_URL"] = "http://quo.example:8081"
        variables["SYNC_INITIAL_BATCH_SIZE"] = "200"
        variables["SYNC_ONGOING_BATCH_SIZE"] = "20"
        variables["SYNC_REVERSE_CHRONOLOGICAL"] = "false"
        let environment = try WorkerEnvironment(variables)
        #expect(environment.crmURL == "http://crm.example:8080/api")
        #expect(environment.quoURL == "http://quo.example:8081")
        #expect(environment.settings == SyncSettings(reverseChronological: false, initialBatchSize: 200, ongoingBatchSize: 20))
    }

    @Test("a missing or wrong variable fails init, naming it", arguments: [
        ("INTEGRATION_NAME", nil, "MissingVariable: INTEGRATION_NAME is not set"),
        ("ZOHO_CRM_QUEUE_URL", nil, "MissingVariable: ZOHO_CRM_QUEUE_URL is not set"),
        ("CRM_MOCK_URL", nil, "MissingVariable: CRM_API_URL is not set (nor CRM_MOCK_URL, which QueueLab sets when it runs the mock CRMs)"),
        ("SYNC_INITIAL_BATCH_SIZE", "0", "InvalidVariable: SYNC_INITIAL_BATCH_SIZE must be a whole number above 0, not \"0\""),
        ("SYNC_REVERSE_CHRONOLOGICAL", "yes", "InvalidVariable: SYNC_REVERSE_CHRONOLOGICAL must be true or false, not \"yes\""),
    ] as [(String, String?, String)])
    func invalid(_ name: String, _ value: String?, _ message: String) {
        var variables = Self.minimal
        variables[name] = value
        #expect(throws: WorkerEnvironmentError.self) { try WorkerEnvironment(variables) }
        do {
            _ = try WorkerEnvironment(variables)
        } catch {
            #expect(error.description == message)
        }
    }
}
