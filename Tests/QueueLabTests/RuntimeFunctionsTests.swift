import TestSupport
import Foundation
import FunctionHost
import QueueLab
import Testing

@Suite("The runtime runs a manifest's functions behind the Lambda Invoke API", .serialized)
struct RuntimeFunctionsTests {
    /// `probe` runs the ProbeHandler fixture, found by its bare name next to the test binary;
    /// memory comes from provider, the timeout from the function.
    static let manifest = """
        {"service": "probe-app",
         "provider": {"name": "aws", "runtime": "provided.al2023", "memorySize": 256,
                      "environment": {"PROBE_SETTING": {"Ref": "OrdersQueue"}}},
         "functions": {"probe": {"handler": "ProbeHandler", "timeout": 10}},
         "resources": {"Resources": {"OrdersQueue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}}}}}
        """

    @Test("aws lambda invoke runs the manifest's function with its settings and answers with its payload")
    func invoke() async throws {
        try await RunningRuntime.with(manifest: Self.manifest) { runtime in
            #expect(runtime.lambda.url.hasPrefix("http://127.0.0.1:"))
            #expect(runtime.lambda.functions.map(\.name) == ["probe"])
            let (cli, echo) = try await runtime.invoke("probe", payload: #"{"action": "echo"}"#)
            #expect(cli.status == 0, "\(cli.standardError)")
            #expect(jsonObject(cli.standardOutput)["StatusCode"] as? Int == 200)
            #expect(echo["functionName"] as? String == "probe")
            #expect(echo["memoryLimitMB"] as? Int == 256)
            let remaining = echo["remainingMilliseconds"] as? Int ?? 0
            #expect(remaining > 6_000 && remaining <= 10_000, "the function's 10 s timeout, not provider's or the default")
        }
    }

    @Test("the handler's AWS_ENDPOINT_URL_SQS is the running SQS endpoint, and a Ref to a queue is that queue's URL there")
    func sqsEndpointInEnvironment() async throws {
        try await RunningRuntime.with(manifest: Self.manifest) { runtime in
            let (cli, echo) = try await runtime.invoke("probe", payload: #"{"action": "echo"}"#)
            #expect(cli.status == 0, "\(cli.standardError)")
            let environment = echo["environment"] as? [String: String] ?? [:]
            #expect(runtime.sqsEndpoint.hasPrefix("http://127.0.0.1:") && !runtime.sqsEndpoint.hasSuffix(":0"))
            #expect(environment["AWS_ENDPOINT_URL_SQS"] == runtime.sqsEndpoint)
            let created = try await ClientProcess.aws(
                ["sqs", "create-queue", "--queue-name", "orders"], endpoint: runtime.sqsEndpoint, in: runtime.directory)
            #expect(created.status == 0, "\(created.standardError)")
            #expect(environment["PROBE_SETTING"] == runtime.sqsEndpoint + "/000000000000/orders")
            #expect(environment["PROBE_SETTING"] == jsonObject(created.standardOutput)["QueueUrl"] as? String)
        }
    }

    @Test("a handler's SQS client fans out to the running endpoint: SendMessage and a batch with one bad entry")
    func handlerFansOut() async throws {
        try await RunningRuntime.with(manifest: Self.manifest) { runtime in
            let created = try await ClientProcess.aws(
                ["sqs", "create-queue", "--queue-name", "orders"], endpoint: runtime.sqsEndpoint, in: runtime.directory)
            #expect(created.status == 0, "\(created.standardError)")
            let queueURL = runtime.sqsEndpoint + "/000000000000/orders"
            // The last body holds a character SQS refuses, so that entry alone fails.
            let payload = #"{"action": "fanOut", "queueURL": "\#(queueURL)", "bodies": ["first", "second", "third", "bad \u0001"]}"#
            let (cli, result) = try await runtime.invoke("probe", payload: payload)
            #expect(cli.status == 0, "\(cli.standardError)")
            #expect((result["sentMessageID"] as? String)?.count == 36, "\(result)")
            #expect(result["batchSucceeded"] as? [String] == ["entry-0", "entry-1"])
            #expect(result["batchFailed"] as? [String] == ["entry-2: InvalidMessageContents"])
            let received = try await ClientProcess.aws(
                ["sqs", "receive-message", "--queue-url", queueURL, "--max-number-of-messages", "10",
                 "--message-attribute-names", "All"],
                endpoint: runtime.sqsEndpoint, in: runtime.directory)
            #expect(received.status == 0, "\(received.standardError)")
            let messages = jsonObject(received.standardOutput)["Messages"] as? [[String: Any]] ?? []
            #expect(Set(messages.compactMap { $0["Body"] as? String }) == ["first", "second", "third"])
            let first = messages.first { $0["Body"] as? String == "first" }
            #expect(first?["MessageId"] as? String == result["sentMessageID"] as? String)
            let attributes = first?["MessageAttributes"] as? [String: [String: Any]]
            #expect(attributes?["origin"]?["StringValue"] as? String == "probe")
        }
    }

    @Test("provisioned environments are warm before the Invoke API is reported")
    func provisionedBeforeReady() async throws {
        let manifest = Self.manifest.replacingOccurrences(
            of: #""timeout": 10"#, with: #""timeout": 10, "reservedConcurrency": 1, "provisionedConcurrency": 1"#)
        try await RunningRuntime.with(manifest: manifest) { runtime in
            let (cli, echo) = try await runtime.invoke("probe", payload: #"{"action": "echo"}"#)
            #expect(cli.status == 0, "\(cli.standardError)")
            let environment = echo["environment"] as? [String: String] ?? [:]
            #expect(environment["AWS_LAMBDA_INITIALIZATION_TYPE"] == "provisioned-concurrency")
        }
    }

    @Test("without a manifest the Invoke API runs with no functions: invoking is ResourceNotFoundException")
    func noManifest() async throws {
        try await RunningRuntime.with(manifest: nil) { runtime in
            #expect(runtime.lambda.functions.isEmpty)
            let (cli, _) = try await runtime.invoke("probe", payload: "{}")
            #expect(cli.status != 0)
            #expect(cli.standardError.contains("ResourceNotFoundException"), "\(cli.standardError)")
        }
    }

    @Test("a function the host cannot run stops start-up with an error naming the manifest")
    func handlerNotFound() async throws {
        let manifest = Self.manifest.replacingOccurrences(of: "ProbeHandler", with: "NoSuchHandler")
        let error = await #expect(throws: ManifestLoadError.self) {
            try await RunningRuntime.with(manifest: manifest) { _ in }
        }
        guard case .functionRejected(let file, .handlerNotFound(function: "probe", _)) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/serverless.json"))
        #expect(error?.message.hasPrefix("\(file): function 'probe': handler executable not found") == true)
    }
}
