import TestSupport
import Foundation
import FunctionHost
import Testing

@Suite("A Python handler run through awslambdaric", .serialized)
struct PythonHandlerTests {
    @Test("aws lambda invoke and boto3 both reach the Python handler")
    func invokeThroughClients() async throws {
        try await RunningHost.with([RunningHost.pythonFunction(handler: "probe.echo")]) { running in
            let cli = try await ClientProcess.aws(
                ["lambda", "invoke", "--function-name", "pyprobe", "--payload", #"{"message":"hello"}"#, "out.json"],
                port: running.port)
            #expect(cli.status == 0, "\(cli.standardError)")
            #expect(jsonObject(cli.standardOutput)["StatusCode"] as? Int == 200)

            let boto = try await ClientProcess.boto3(
                """
                response = lambda_client.invoke(FunctionName="pyprobe", Payload=b'{"message": "boto"}', LogType="Tail")
                print(json.dumps({"payload": json.loads(response["Payload"].read()),
                                  "log": base64.b64decode(response["LogResult"]).decode()}))
                """, port: running.port)
            #expect(boto.status == 0, "\(boto.standardError)")
            let result = jsonObject(boto.standardOutput)
            let payload = result["payload"] as? [String: Any] ?? [:]
            #expect(payload["functionName"] as? String == "pyprobe")
            #expect(payload["memoryLimitMB"] as? Int == 256)
            #expect((payload["event"] as? [String: String])?["message"] == "boto")
            #expect(payload["sqsEndpoint"] as? String == "http://127.0.0.1:9324")
            #expect((result["log"] as? String)?.contains("python saw boto") == true)
        }
    }

    @Test("a Python exception comes back as Lambda's error document with FunctionError Unhandled")
    func pythonError() async throws {
        try await RunningHost.with([RunningHost.pythonFunction(handler: "probe.fail")]) { running in
            let boto = try await ClientProcess.boto3(
                """
                response = lambda_client.invoke(FunctionName="pyprobe", Payload=b'{}')
                print(json.dumps({"error": response.get("FunctionError"), "payload": json.loads(response["Payload"].read())}))
                """, port: running.port)
            let result = jsonObject(boto.standardOutput)
            let payload = result["payload"] as? [String: Any] ?? [:]
            #expect(result["error"] as? String == "Unhandled", "\(boto.standardError)")
            #expect(payload["errorType"] as? String == "ValueError")
            #expect(payload["errorMessage"] as? String == "python handler failed on purpose")
        }
    }

    @Test("a module that fails to import is an init error; the host keeps serving others")
    func pythonInitError() async throws {
        let functions = [
            RunningHost.pythonFunction("broken", handler: "broken.handler"),
            RunningHost.pythonFunction(handler: "probe.echo"),
        ]
        try await RunningHost.with(functions) { running in
            let broken = try await running.host.invoke(function: "broken", payload: Array("{}".utf8))
            #expect(broken.outcome == .initFailed)
            #expect(broken.functionError == "Unhandled")
            #expect((broken.json["errorMessage"] as? String)?.contains("broken module cannot initialise") == true)
            let healthy = try await running.host.invoke(function: "pyprobe", payload: Array("{}".utf8))
            #expect(healthy.outcome == .succeeded)
        }
    }

    @Test("a MemoryError the handler raises is its own error, as awslambdaric reports it; the runtime stays warm")
    func pythonMemoryError() async throws {
        // The rlimit refuses the allocation, so Python raises MemoryError instead of being killed.
        try await RunningHost.with([RunningHost.pythonFunction(handler: "probe.allocate")], memoryLimit: .rlimit) { running in
            let result = try await running.host.invoke(function: "pyprobe", payload: Array(#"{"megabytes":400}"#.utf8))
            #expect(result.outcome == .functionError)
            #expect(result.functionError == "Unhandled")
            #expect(result.json["errorType"] as? String == "MemoryError")
            let after = try await running.host.invoke(function: "pyprobe", payload: Array(#"{"megabytes":1}"#.utf8))
            #expect(after.outcome == .succeeded)
            #expect(after.initDuration == nil, "the same process served both")
        }
    }

    @Test(
        "a Python handler that fills more than its memory size in a memory cgroup is killed: Runtime.OutOfMemory",
        .enabled(if: RunningHost.machineHasMemoryCgroups, "no writable memory cgroup here: only the rlimit fallback can run"))
    func pythonOutOfMemory() async throws {
        try await RunningHost.with([RunningHost.pythonFunction(handler: "probe.allocate", timeout: 60)]) { running in
            let result = try await running.host.invoke(function: "pyprobe", payload: Array(#"{"megabytes":400}"#.utf8))
            #expect(result.outcome == .outOfMemory)
            #expect(result.json["errorType"] as? String == "Runtime.OutOfMemory")
        }
    }
}
