import TestSupport
import Foundation
import Testing

@Suite("queuelab start --manifest", .serialized)
struct StartCommandTests {
    @Test("runs the manifest's functions: prints the Invoke API's URL and each function, invokes, stops on SIGTERM")
    func runsFunctions() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try RuntimeFunctionsTests.manifest.write(toFile: directory + "/serverless.json", atomically: true, encoding: .utf8)
        let arguments = ["--manifest", "serverless.json", "--state", "state/state.sqlite", "--sqs-port", "0", "--lambda-port", "0"]
        try await QueueLabProcess.with(arguments, in: directory) { queuelab in
            let sqsEndpoint = try await queuelab.url(after: "SQS endpoint listening on ")
            let lambdaURL = try await queuelab.url(after: "Lambda Invoke API listening on ")
            #expect(queuelab.output.contains("\n  function probe: provided.al2023 ProbeHandler, 10 s, 256 MB\n"), "\(queuelab.output)")
            let cli = try await ClientProcess.aws(
                ["lambda", "invoke", "--function-name", "probe",
                 "--payload", #"{"action": "echo"}"#, "out.json"],
                endpoint: lambdaURL, in: directory)
            #expect(cli.status == 0, "\(cli.standardError)")
            let echo = jsonObject((try? String(contentsOfFile: directory + "/out.json", encoding: .utf8)) ?? "")
            #expect((echo["environment"] as? [String: String])?["AWS_ENDPOINT_URL_SQS"] == sqsEndpoint)
            #expect(await queuelab.stop(signal: SIGTERM) == 0)
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/state/logs/probe.log"))
    }

    @Test("without --manifest it runs ./serverless.json when there is one; --no-manifest runs none")
    func defaultManifest() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try RuntimeFunctionsTests.manifest.write(toFile: directory + "/serverless.json", atomically: true, encoding: .utf8)
        let arguments = ["--state", "state/state.sqlite", "--sqs-port", "0", "--lambda-port", "0"]
        try await QueueLabProcess.with(arguments, in: directory) { implicit in
            _ = try await implicit.url(after: "Lambda Invoke API listening on ")
            #expect(implicit.output.contains("\n  manifest serverless.json: functions 1, queues 1, event source mappings 0\n"), "\(implicit.output)")
            #expect(implicit.output.contains("\n  function probe: "))
            #expect(await implicit.stop(signal: SIGTERM) == 0)
        }
        try await QueueLabProcess.with(["--no-manifest"] + arguments, in: directory) { without in
            _ = try await without.url(after: "Lambda Invoke API listening on ")
            #expect(!without.output.contains("manifest"), "\(without.output)")
            #expect(await without.stop(signal: SIGTERM) == 0)
        }
        let both = try await ClientProcess.run(TestPaths.queuelab, ["start", "--no-manifest", "--manifest", "serverless.json"], in: directory)
        #expect(both.status != 0 && both.standardError.contains("--no-manifest and --manifest exclude each other."), "\(both.standardError)")
    }

    @Test(
        "a bad manifest stops start-up with a non-zero exit and an error naming the file",
        arguments: [
            ("missing.json", nil, "missing.json: no such file"),
            ("serverless.json", "{\"service\": ", "serverless.json: not valid JSON: line 1, column 13"),
            ("serverless.json", #"{"service": "a", "provider": {"name": "aws", "runtime": "nodejs20.x"}, "functions": {"f": {"handler": "h.main"}}}"#,
             "serverless.json: function 'f': unknown runtime 'nodejs20.x' (supported: provided.*, python3.*)"),
            ("serverless.json",
             #"{"service": "a", "provider": {"name": "aws", "runtime": "python3.11"}, "functions": {"f": {"handler": "h.main", "events": [{"httpApi": "POST webhooks/{id}"}]}}}"#,
             #"serverless.json: functions.f.events[0].httpApi: is "webhooks/{id}", which must start with /; allowed: a path such as /webhooks/{integration} or /files/{proxy+}"#),
        ] as [(String, String?, String)])
    func badManifest(file: String, contents: String?, expected: String) async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        if let contents { try contents.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8) }
        let result = try await ClientProcess.run(
            TestPaths.queuelab,
            ["start", "--manifest", file, "--state", "state/state.sqlite", "--sqs-port", "0", "--lambda-port", "0"],
            in: directory)
        #expect(result.status != 0)
        #expect(result.standardError.contains(expected), "\(result.standardError)")
    }

    @Test("a port in use stops start-up with an error naming the endpoint and the address")
    func portInUse() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await QueueLabProcess.with(["--state", "first.sqlite", "--sqs-port", "0", "--lambda-port", "0"], in: directory) { first in
            let sqsPort = try #require(URL(string: try await first.url(after: "SQS endpoint listening on "))?.port)
            let lambdaPort = try #require(URL(string: try await first.url(after: "Lambda Invoke API listening on "))?.port)
            for (arguments, expected) in [
                (["--sqs-port", "\(sqsPort)", "--lambda-port", "0"], "the SQS endpoint cannot listen on 127.0.0.1:\(sqsPort): Address already in use"),
                (["--sqs-port", "0", "--lambda-port", "\(lambdaPort)"], "the Lambda Invoke API cannot listen on 127.0.0.1:\(lambdaPort): Address already in use"),
            ] {
                let second = try await ClientProcess.run(TestPaths.queuelab, ["start", "--state", "second.sqlite"] + arguments, in: directory)
                #expect(second.status != 0)
                #expect(second.standardError.contains(expected), "\(second.standardError)")
            }
            await first.stop(signal: SIGTERM)
        }
    }

    @Test("httpApi events: --http-port 0 serves them on a free port, printed with each route, and a request reaches the function")
    func httpAPI() async throws {
        let directory = try HTTPAPITests.webhookDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let manifest: [String: Any] = [
            "service": "hooks", "provider": ["name": "aws", "runtime": "python3.11"],
            "functions": ["record": ["handler": "webhook.record", "events": [["httpApi": "GET /record"], ["http": "GET users/{id}"]]]],
        ]
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: directory + "/serverless.json"))
        let arguments = ["--state", "state/state.sqlite", "--sqs-port", "0", "--lambda-port", "0", "--http-port", "0", "--quiet"]
        try await QueueLabProcess.with(arguments, in: directory) { queuelab in
            let url = try await queuelab.url(after: "HTTP API listening on ")
            #expect(queuelab.output.contains("\n  GET /record → function record (HTTP API, payload 2.0)\n"), "\(queuelab.output)")
            #expect(queuelab.output.contains("\n  GET /dev/users/{id} → function record (REST API, payload 1.0)\n"), "\(queuelab.output)")
            let reply = try await HTTPClient(baseURL: url).send("GET", "/record")
            #expect(reply.status == 200)
            #expect(reply.json as? [String: String] == ["received": "/record"])
            #expect(await queuelab.stop(signal: SIGTERM) == 0)
        }
    }

    @Test("--lambda-port out of range is a usage error")
    func lambdaPortRange() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await ClientProcess.run(TestPaths.queuelab, ["start", "--lambda-port", "70000"], in: directory)
        #expect(result.status == 64)
        #expect(result.standardError.contains("--lambda-port must be between 0 and 65535."), "\(result.standardError)")
    }
}
