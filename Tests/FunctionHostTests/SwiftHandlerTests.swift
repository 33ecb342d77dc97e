import TestSupport
import Foundation
import FunctionHost
import Testing

@Suite("A Swift handler invoked through real Lambda clients", .serialized)
struct SwiftHandlerTests {
    @Test("aws lambda invoke runs the handler and writes its output")
    func awsCLIInvoke() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(environment: ["PROBE_SETTING": "from-manifest"])]) { running in
            let output = try await ClientProcess.aws(
                ["lambda", "invoke", "--function-name", "probe", "--payload", #"{"action":"echo"}"#, "--log-type", "Tail", "out.json",
                 "--query", "[StatusCode, ExecutedVersion, LogResult]", "--output", "json"],
                port: running.port)
            #expect(output.status == 0, "\(output.standardError)")
            let fields = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [Any]
            #expect(fields?[0] as? Int == 200)
            #expect(fields?[1] as? String == "$LATEST")
            let tail = String(decoding: Data(base64Encoded: fields?[2] as? String ?? "") ?? Data(), as: UTF8.self)
            #expect(tail.contains("START RequestId: "))
            #expect(tail.contains("REPORT RequestId: "))
        }
    }

    @Test("boto3 sees the Lambda environment, the context and the function's variables")
    func boto3Invoke() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(memorySize: 256, environment: ["PROBE_SETTING": "from-manifest"])]) { running in
            let output = try await ClientProcess.boto3(
                """
                response = lambda_client.invoke(FunctionName="probe", Payload=json.dumps({"action": "echo"}))
                print(json.dumps({"status": response["StatusCode"], "error": response.get("FunctionError"),
                                  "payload": json.loads(response["Payload"].read())}))
                """, port: running.port)
            #expect(output.status == 0, "\(output.standardError)")
            let result = jsonObject(output.standardOutput)
            #expect(result["status"] as? Int == 200)
            #expect(result["error"] is NSNull)
            let payload = result["payload"] as? [String: Any] ?? [:]
            let environment = payload["environment"] as? [String: String] ?? [:]
            #expect(payload["functionName"] as? String == "probe")
            #expect(payload["memoryLimitMB"] as? Int == 256)
            #expect(payload["invokedFunctionARN"] as? String == "arn:aws:lambda:us-east-1:000000000000:function:probe")
            #expect((payload["traceID"] as? String)?.hasPrefix("Root=1-") == true)
            #expect((payload["remainingMilliseconds"] as? Int).map { $0 > 0 && $0 <= 3000 } == true)
            #expect(environment["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST")
            #expect(environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "256")
            #expect(environment["AWS_LAMBDA_LOG_GROUP_NAME"] == "/aws/lambda/probe")
            #expect(environment["AWS_LAMBDA_LOG_STREAM_NAME"]?.contains("[$LATEST]") == true)
            #expect(environment["AWS_REGION"] == "us-east-1")
            #expect(environment["_HANDLER"] == "ProbeHandler")
            #expect(environment["LAMBDA_TASK_ROOT"] == TestPaths.productsDirectory)
            #expect(environment["AWS_ENDPOINT_URL_SQS"] == "http://127.0.0.1:9324")
            #expect(environment["AWS_LAMBDA_INITIALIZATION_TYPE"] == "on-demand")
            #expect(environment["PROBE_SETTING"] == "from-manifest")
        }
    }

    @Test("a warm environment is reused; only the first invocation reports Init Duration")
    func warmReuse() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()]) { running in
            let echo = Array(#"{"action":"echo"}"#.utf8)
            let first = try await running.host.invoke(function: "probe", payload: echo)
            let second = try await running.host.invoke(function: "probe", payload: echo)
            #expect(first.outcome == .succeeded, "\(String(decoding: first.payload, as: UTF8.self))")
            #expect(first.initDuration != nil)
            #expect(second.initDuration == nil)
            let firstStream = (first.json["environment"] as? [String: String])?["AWS_LAMBDA_LOG_STREAM_NAME"]
            let secondStream = (second.json["environment"] as? [String: String])?["AWS_LAMBDA_LOG_STREAM_NAME"]
            #expect(firstStream != nil && firstStream == secondStream)
            #expect(await running.host.environmentCount(of: "probe") == 1)
        }
    }

    @Test("idle on-demand environments are reaped, and the next invocation cold-starts")
    func idleReaping() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()], idleReapTime: .milliseconds(300)) { running in
            let echo = Array(#"{"action":"echo"}"#.utf8)
            _ = try await running.host.invoke(function: "probe", payload: echo)
            var remaining = 1
            for _ in 0..<50 where remaining > 0 {
                try await Task.sleep(for: .milliseconds(100))
                remaining = await running.host.environmentCount(of: "probe")
            }
            #expect(remaining == 0)
            let again = try await running.host.invoke(function: "probe", payload: echo)
            #expect(again.initDuration != nil)
        }
    }
}
