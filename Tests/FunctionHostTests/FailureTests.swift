import TestSupport
import Foundation
import FunctionHost
import Testing

@Suite("Failing handlers fail their invocation the way Lambda does", .serialized)
struct FailureTests {
    static func invoke(_ running: RunningHost, _ command: String) async throws -> InvocationResult {
        try await running.host.invoke(function: "probe", payload: Array(command.utf8))
    }

    @Test("a handler past its timeout is killed, and the next invocation cold-starts")
    func timeout() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(timeout: 1)]) { running in
            let timedOut = try await Self.invoke(running, #"{"action":"sleep","milliseconds":5000}"#)
            #expect(timedOut.outcome == .timedOut)
            #expect(timedOut.json["errorType"] as? String == "Sandbox.Timedout")
            #expect(timedOut.json["errorMessage"] as? String == "RequestId: \(timedOut.requestID) Error: Task timed out after 1.00 seconds")
            #expect(timedOut.logLines.contains { $0.hasSuffix("\(timedOut.requestID) Task timed out after 1.00 seconds") })
            #expect(timedOut.logLines.last?.contains("Status: timeout") == true)
            let next = try await Self.invoke(running, #"{"action":"echo"}"#)
            #expect(next.outcome == .succeeded)
            #expect(next.initDuration != nil)
        }
    }

    @Test("the timeout counts from each invocation's start, however many warm invocations came before")
    func timeoutAfterWarmInvocations() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(timeout: 2)]) { running in
            // The first invocation returns half-way to its deadline; the second starts then and
            // runs past that deadline, which the watcher wakes for while it runs, and must leave
            // alone: the second ends 200 ms after it, 800 ms before its own. Each handler paces
            // itself on the deadline the Runtime API gave it, so the test measures no time.
            let first = try await Self.invoke(running, #"{"action":"pace","untilRemainingMilliseconds":1000}"#)
            #expect(first.outcome == .succeeded)
            let firstDeadline = try #require(first.json["deadline"] as? Int)
            let second = try await Self.invoke(running, #"{"action":"pace","untilEpochMilliseconds":\#(firstDeadline + 200)}"#)
            #expect(second.outcome == .succeeded, "killed at the first invocation's deadline: \(second.json)")
            #expect(try #require(second.json["finished"] as? Int) > firstDeadline)
            let timedOut = try await Self.invoke(running, #"{"action":"sleep","milliseconds":60000}"#)
            #expect(timedOut.outcome == .timedOut)
            #expect(timedOut.initDuration == nil, "the same warm environment served all three")
            #expect(try #require(timedOut.duration) >= .seconds(2), "killed at its own deadline, not an earlier one")
        }
    }

    /// Allocates twice `memorySize`, megabyte by megabyte, under `memoryLimit`.
    static func expectOutOfMemory(_ memoryLimit: RunningHost.MemoryLimit, memorySize: Int) async throws {
        // A generous timeout: under a loaded CI machine the cgroup's reclaim before the kill can
        // take seconds, and a timeout would hide the out-of-memory this test is about.
        let function = RunningHost.swiftFunction(memorySize: memorySize, timeout: 60)
        try await RunningHost.with([function], memoryLimit: memoryLimit) { running in
            #expect((running.host.memoryLimitMechanism == "rlimit") == (memoryLimit == .rlimit))
            let result = try await Self.invoke(running, #"{"action":"allocate","megabytes":\#(2 * memorySize)}"#)
            #expect(result.outcome == .outOfMemory)
            #expect(result.json["errorType"] as? String == "Runtime.OutOfMemory")
            #expect(result.json["errorMessage"] as? String == "RequestId: \(result.requestID) Error: Runtime exited with error: signal: killed")
            #expect(result.maxMemoryUsedMB >= memorySize * 9 / 10)
            #expect(result.logLines.last?.contains("Status: error\tError Type: Runtime.OutOfMemory") == true)
        }
    }

    @Test(
        "a handler over its memory size is killed by its memory cgroup and reported as Runtime.OutOfMemory",
        .enabled(if: RunningHost.machineHasMemoryCgroups, "no writable memory cgroup here: only the rlimit fallback can run"))
    func outOfMemoryInCgroup() async throws {
        try await Self.expectOutOfMemory(.detected, memorySize: 128)
    }

    /// The runtime's peak at death is known only above the host's own peak (see
    /// `EnvironmentProcess`): 512 MB stays above a test runner's.
    @Test("under the rlimit fallback, a handler that exhausts its memory size is reported as Runtime.OutOfMemory too")
    func outOfMemoryUnderRlimit() async throws {
        try await Self.expectOutOfMemory(.rlimit, memorySize: 512)
    }

    @Test("under the rlimit fallback, a crash far below the memory size stays Runtime.ExitError")
    func crashUnderRlimit() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(memorySize: 128)], memoryLimit: .rlimit) { running in
            let crashed = try await Self.invoke(running, #"{"action":"crash"}"#)
            #expect(crashed.outcome == .runtimeExited)
            #expect(crashed.json["errorType"] as? String == "Runtime.ExitError")
        }
    }

    @Test("a handler within its memory size allocates and shows it in Max Memory Used")
    func withinMemory() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(memorySize: 256)]) { running in
            let result = try await Self.invoke(running, #"{"action":"allocate","megabytes":64}"#)
            #expect(result.outcome == .succeeded)
            #expect(result.maxMemoryUsedMB >= 64 && result.maxMemoryUsedMB <= 256)
        }
    }

    @Test("a crash on a signal and an exit fail the invocation with Runtime.ExitError")
    func crashAndExit() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()]) { running in
            let crashed = try await Self.invoke(running, #"{"action":"crash"}"#)
            #expect(crashed.outcome == .runtimeExited)
            #expect(crashed.json["errorType"] as? String == "Runtime.ExitError")
            #expect(crashed.json["errorMessage"] as? String == "RequestId: \(crashed.requestID) Error: Runtime exited with error: signal: segmentation fault")
            let exited = try await Self.invoke(running, #"{"action":"exit","code":3}"#)
            #expect(exited.json["errorMessage"] as? String == "RequestId: \(exited.requestID) Error: Runtime exited with error: exit status 3")
            let healthy = try await Self.invoke(running, #"{"action":"echo"}"#)
            #expect(healthy.outcome == .succeeded)
        }
    }

    @Test("a thrown error is posted to /error and returned as the error document")
    func functionError() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()]) { running in
            let result = try await Self.invoke(running, #"{"action":"fail"}"#)
            #expect(result.outcome == .functionError)
            #expect(result.functionError == "Unhandled")
            #expect(result.json["errorType"] as? String == "ProbeFailure")
            #expect(result.json["errorMessage"] as? String == "the probe was asked to fail")
            let again = try await Self.invoke(running, #"{"action":"echo"}"#)
            #expect(again.initDuration == nil, "a function error keeps the environment warm")
        }
    }

    @Test("a response that is not JSON fails the invocation")
    func invalidResponse() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()]) { running in
            let result = try await Self.invoke(running, #"{"action":"garbage"}"#)
            #expect(result.outcome == .invalidResponse)
            #expect(result.json["errorType"] as? String == "Runtime.InvalidResponse")
        }
    }

    @Test("an init error fails the invocation with the runtime's error and is reported through boto3")
    func swiftInitError() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(environment: ["PROBE_FAIL_INIT": "1"])]) { running in
            let output = try await ClientProcess.boto3(
                """
                response = lambda_client.invoke(FunctionName="probe", Payload=b'{"action": "echo"}')
                print(json.dumps({"error": response.get("FunctionError"), "payload": json.loads(response["Payload"].read())}))
                """, port: running.port)
            let result = jsonObject(output.standardOutput)
            let payload = result["payload"] as? [String: Any] ?? [:]
            #expect(result["error"] as? String == "Unhandled", "\(output.standardError)")
            #expect(payload["errorType"] as? String == "ProbeFailure")
            #expect(payload["errorMessage"] as? String == "configuration is missing")
        }
    }

    @Test("a provisioned environment that fails to initialise makes waitUntilReady throw")
    func provisioningFailure() async throws {
        await #expect(throws: FunctionHostError.self) {
            try await RunningHost.with([RunningHost.swiftFunction(reserved: 1, provisioned: 1, environment: ["PROBE_FAIL_INIT": "1"])]) { _ in }
        }
    }
}
