import Foundation
import TestSupport
import Testing

@Suite("queuelab start serves the mock CRMs; queuelab crm webhook fires one", .serialized)
struct CRMCommandTests {
    /// As `queuelab generate` writes an integration's functions (`INTEGRATION_NAME`), with
    /// fixture handlers: the worker echoes its environment, the webhook function (webhook.echo)
    /// answers 201.
    static let manifest = """
        {"service": "crm-sync", "provider": {"name": "aws", "runtime": "provided.al2023", "memorySize": 256, "timeout": 10},
         "functions": {
           "pipedriveQueueWorker": {"handler": "ProbeHandler", "environment": {"INTEGRATION_NAME": "pipedrive"}},
           "pipedriveWebhook": {"handler": "webhook.echo", "runtime": "python3.11", "environment": {"INTEGRATION_NAME": "pipedrive"},
                                "events": [{"httpApi": {"method": "POST", "path": "/webhooks/pipedrive"}}]}}}
        """

    static let freePorts = ["--state", "state/state.sqlite", "--sqs-port", "0", "--lambda-port", "0", "--http-port", "0", "--quiet"]

    /// Runs `queuelab start <arguments>` in `directory` for `body`, then stops it with SIGTERM and
    /// returns its exit status (`QueueLabProcess.with` kills it if `body` throws).
    static func running(_ arguments: [String], in directory: String, _ body: (QueueLabProcess) async throws -> Void) async throws -> Int32 {
        try await QueueLabProcess.with(arguments, in: directory) { queuelab in
            try await body(queuelab)
            return await queuelab.stop(signal: SIGTERM)
        }
    }

    static func crm(_ arguments: [String], in directory: String) async throws -> ClientProcess.Output {
        try await ClientProcess.run(TestPaths.queuelab, ["crm"] + arguments, in: directory)
    }

    @Test("with a manifest that syncs integrations, start serves the mock with --crm's knobs, and a webhook fired from another process reaches the HTTP API")
    func servesAndFires() async throws {
        let directory = try HTTPAPITests.webhookDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.manifest.write(toFile: directory + "/serverless.json", atomically: true, encoding: .utf8)
        let status = try await Self.running(Self.freePorts + ["--crm-port", "0", "--crm", "pipedrive.records=7"], in: directory) { queuelab in
            let mockURL = try await queuelab.url(after: "Mock CRMs listening on ")
            let apiURL = try await queuelab.url(after: "HTTP API listening on ")
            let lambdaURL = try await queuelab.url(after: "Lambda Invoke API listening on ")
            #expect(queuelab.output.contains("\n  pipedrive: records=7, latency=0ms, "), "\(queuelab.output)")
            let mock = HTTPClient(baseURL: mockURL)
            let page = try await mock.send("GET", "/pipedrive/v1/persons?start=0&limit=100")
            #expect(page.status == 200)
            #expect((page.json["data"] as? [Any])?.count == 7)

            // A real handler process sees the printed URLs.
            let cli = try await ClientProcess.aws(
                ["lambda", "invoke", "--function-name", "pipedriveQueueWorker", "--payload", #"{"action": "echo"}"#, "echo.json"],
                endpoint: lambdaURL, in: directory)
            #expect(cli.status == 0, "\(cli.standardError)")
            let environment = jsonObject((try? String(contentsOfFile: directory + "/echo.json", encoding: .utf8)) ?? "")["environment"]
                as? [String: String] ?? [:]
            #expect(environment["CRM_MOCK_URL"] == mockURL)
            #expect(environment["API_URL"] == apiURL)
            #expect(environment["SYNC_STATE_DIR"]?.hasSuffix("/state/sync") == true, "\(environment)")

            // The webhook function's route registered with the mock Pipedrive, as setupWebhooks does.
            let hook = apiURL + "/webhooks/pipedrive"
            let registration = try JSONSerialization.data(withJSONObject: [
                "subscription_url": hook, "event_action": "updated", "event_object": "person",
            ])
            let registered = try await mock.send(
                "POST", "/pipedrive/v1/webhooks", headers: [("Content-Type", "application/json")], body: Array(registration))
            #expect(registered.status == 201, "\(registered.text)")

            let fired = try await Self.crm(["webhook", "pipedrive", "--person", "3", "--crm-url", mockURL], in: directory)
            #expect(fired.status == 0, "\(fired.standardError)")
            #expect(fired.standardOutput == "delivered to \(hook): 201\n")

            let unknown = try await Self.crm(["webhook", "pipedrive", "--person", "8", "--crm-url", mockURL], in: directory)
            #expect(unknown.status != 0)
            #expect(unknown.standardError == "Error: the mock CRM at \(mockURL) answered 404: pipedrive has no person 8\n")
        }
        #expect(status == 0)
    }

    @Test("crm webhook with nothing listening says so in one line; an unknown integration gets a did-you-mean")
    func webhookRefusals() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Port 1 (tcpmux): nothing listens there.
        let absent = try await Self.crm(["webhook", "scaling-test", "--person", "mock_1", "--crm-url", "http://127.0.0.1:1"], in: directory)
        #expect(absent.status != 0)
        #expect(absent.standardError == "Error: no mock CRM at http://127.0.0.1:1; is `queuelab start` running?\n")
        let misspelt = try await Self.crm(["webhook", "pipedirve", "--person", "1"], in: directory)
        #expect(misspelt.status != 0)
        #expect(misspelt.standardError == "Error: unknown integration 'pipedirve'; did you mean \"pipedrive\"?\n")
    }

    @Test(
        "a bad --crm is refused in one line before anything starts",
        arguments: [
            ("pipedirve.records=5", #"Error: 'pipedirve.records=5': unknown CRM 'pipedirve'; did you mean "pipedrive"?"#),
            ("scaling-test.ratelimit=20/s", #"Error: unknown knob 'ratelimit' in 'scaling-test.ratelimit=20/s'; did you mean "rateLimit"?"#),
            ("scaling-test.rateLimit=fast", "Error: scaling-test.rateLimit 'fast': expected N/s, N/min or N/h with N at least 1, e.g. 20/s"),
        ])
    func badKnob(knob: String, expected: String) async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.manifest.write(toFile: directory + "/serverless.json", atomically: true, encoding: .utf8)
        let result = try await ClientProcess.run(TestPaths.queuelab, ["start"] + Self.freePorts + ["--crm", knob], in: directory)
        #expect(result.status != 0)
        #expect(result.standardError == expected + "\n")
        #expect(result.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory + "/state"), "nothing started, not even the state file")
    }

    @Test("--no-crm-mock serves none, though the manifest syncs integrations; with --crm it is a usage error")
    func noMock() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let manifest = """
            {"service": "crm-sync", "provider": {"name": "aws", "runtime": "provided.al2023", "timeout": 10},
             "functions": {"pipedriveQueueWorker": {"handler": "ProbeHandler", "environment": {"INTEGRATION_NAME": "pipedrive"}}}}
            """
        try manifest.write(toFile: directory + "/serverless.json", atomically: true, encoding: .utf8)
        let status = try await Self.running(Self.freePorts + ["--no-crm-mock"], in: directory) { queuelab in
            _ = try await queuelab.url(after: "Lambda Invoke API listening on ")
            #expect(!queuelab.output.contains("Mock CRMs"), "\(queuelab.output)")
        }
        #expect(status == 0)
        let both = try await ClientProcess.run(TestPaths.queuelab, ["start", "--no-crm-mock", "--crm", "pipedrive.records=5"], in: directory)
        #expect(both.status == 64)
        #expect(both.standardError.contains("--no-crm-mock excludes --crm and --crm-port."), "\(both.standardError)")
    }
}
