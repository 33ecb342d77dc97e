import CRMMock
import Foundation
import Logging
import QueueLab
import TestSupport
import Testing

@Suite("The runtime serves the mock CRMs and gives every function CRM_MOCK_URL, SYNC_STATE_DIR and API_URL", .serialized)
struct CRMMockRuntimeTests {
    /// `probe` syncs an integration (as `queuelab generate` marks it); `custom` sets its own
    /// API_URL; `webhook` is an HTTP API route, so the gateway runs (on port 0 in these tests).
    static let manifest = """
        {"service": "crm-app",
         "provider": {"name": "aws", "runtime": "provided.al2023", "memorySize": 256, "timeout": 10},
         "functions": {
           "probe": {"handler": "ProbeHandler", "environment": {"INTEGRATION_NAME": "pipedrive"}},
           "custom": {"handler": "ProbeHandler", "environment": {"API_URL": "http://api.example.com"}},
           "webhook": {"handler": "ProbeHandler", "events": [{"httpApi": "POST /webhooks/pipedrive"}]}}}
        """

    /// Runs `manifest` in-process on free ports (the mock on port 0 too, when `crmMock` is set).
    static func withRuntime<T: Sendable>(
        manifest: String, crmMock: CRMMockConfiguration?, in workspace: Workspace = Workspace(),
        _ body: @Sendable (RuntimeEndpoints, Workspace) async throws -> T
    ) async throws -> T {
        try manifest.write(toFile: workspace.directory + "/serverless.json", atomically: true, encoding: .utf8)
        var configuration = RuntimeConfiguration(
            statePath: workspace.statePath, sqsPort: 0, manifestPath: workspace.directory + "/serverless.json", lambdaPort: 0, httpPort: 0)
        Workspace.compressTime(&configuration)
        configuration.crmMock = crmMock
        var logger = Logger(label: "crm-mock-runtime-test")
        logger.logLevel = .critical
        let runtime = try QueueLabRuntime(configuration: configuration, logger: logger)
        return try await runtime.withRunning { endpoints in try await body(endpoints, workspace) }
    }

    /// The variables the ProbeHandler fixture reports from inside `function`'s process.
    static func environment(of function: String, lambda: LambdaEndpoint, in directory: String) async throws -> [String: String] {
        let outfile = "echo-\(UUID().uuidString).json"
        let cli = try await ClientProcess.aws(
            ["lambda", "invoke", "--function-name", function, "--payload", #"{"action": "echo"}"#, outfile], endpoint: lambda.url,
            in: directory)
        #expect(cli.status == 0, "\(cli.standardError)")
        let echo = jsonObject((try? String(contentsOfFile: directory + "/" + outfile, encoding: .utf8)) ?? "")
        return try #require(echo["environment"] as? [String: String], "\(echo)")
    }

    @Test("the mock's URL, the sync state folder and the HTTP API's bound port reach a real handler, beneath its own environment")
    func functionEnvironment() async throws {
        let workspace = Workspace()
        defer { workspace.remove() }
        try await Self.withRuntime(manifest: Self.manifest, crmMock: CRMMockConfiguration(port: 0), in: workspace) { endpoints, workspace in
            let mock = try #require(endpoints.crmMock)
            let http = try #require(endpoints.http)
            #expect(mock.url.hasPrefix("http://127.0.0.1:") && !mock.url.hasSuffix(":0") && !mock.url.hasSuffix(":4010"), "\(mock.url)")
            #expect(!http.url.hasSuffix(":0"), "\(http.url)")

            let probe = try await Self.environment(of: "probe", lambda: endpoints.lambda, in: workspace.directory)
            #expect(probe["CRM_MOCK_URL"] == mock.url)
            #expect(probe["API_URL"] == http.url)
            #expect(probe["SYNC_STATE_DIR"] == workspace.directory + "/sync")
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: workspace.directory + "/sync", isDirectory: &isDirectory) && isDirectory.boolValue)
            let custom = try await Self.environment(of: "custom", lambda: endpoints.lambda, in: workspace.directory)
            #expect(custom["API_URL"] == "http://api.example.com", "the function's own value wins")
            #expect(custom["CRM_MOCK_URL"] == mock.url)

            // The mock answers over HTTP, and the running server is at hand in-process.
            let page = try await HTTPClient(baseURL: mock.url).send("GET", "/pipedrive/v1/persons?start=0&limit=2")
            #expect(page.status == 200)
            #expect((page.json["data"] as? [Any])?.count == 2)
            #expect(await mock.server.counters(for: .pipedrive).requests == 1)
            #expect(FileManager.default.fileExists(atPath: workspace.directory + "/quo.sqlite"))
        }
    }

    @Test("without the mock and without HTTP routes, functions get SYNC_STATE_DIR only")
    func withoutMock() async throws {
        let manifest = """
            {"service": "plain", "provider": {"name": "aws", "runtime": "provided.al2023", "timeout": 10},
             "functions": {"probe": {"handler": "ProbeHandler"}}}
            """
        let workspace = Workspace()
        defer { workspace.remove() }
        try await Self.withRuntime(manifest: manifest, crmMock: nil, in: workspace) { endpoints, workspace in
            #expect(endpoints.crmMock == nil)
            let probe = try await Self.environment(of: "probe", lambda: endpoints.lambda, in: workspace.directory)
            #expect(probe["CRM_MOCK_URL"] == nil)
            #expect(probe["API_URL"] == nil)
            #expect(probe["SYNC_STATE_DIR"] == workspace.directory + "/sync")
        }
    }

    @Test("a mock port in use stops start-up with an error naming the mock and the address")
    func mockPortInUse() async throws {
        let first = Workspace(), second = Workspace()
        defer {
            first.remove()
            second.remove()
        }
        try await Self.withRuntime(manifest: Self.manifest, crmMock: CRMMockConfiguration(port: 0), in: first) { endpoints, _ in
            let mock = try #require(endpoints.crmMock)
            let port = try #require(URL(string: mock.url)?.port)
            let error = await #expect(throws: (any Error).self) {
                try await Self.withRuntime(manifest: Self.manifest, crmMock: CRMMockConfiguration(port: port), in: second) { _, _ in }
            }
            #expect(error.map { "\($0)" } == "the mock CRM endpoint cannot listen on 127.0.0.1:\(port): Address already in use")
        }
    }
}
