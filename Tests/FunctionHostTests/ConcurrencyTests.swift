import TestSupport
import Foundation
import FunctionHost
import Testing

@Suite("Reserved, unreserved and provisioned concurrency", .serialized)
struct ConcurrencyTests {
    /// Fires `count` concurrent boto3 invokes of a 1.5 s handler and tallies the answers.
    static func concurrentInvokes(_ count: Int, port: Int) async throws -> [String: Any] {
        let output = try await ClientProcess.boto3(
            """
            from concurrent.futures import ThreadPoolExecutor
            def call(_):
                try:
                    response = lambda_client.invoke(FunctionName="probe", Payload=b'{"action": "sleep", "milliseconds": 1500}')
                    return ("ok", response["StatusCode"])
                except lambda_client.exceptions.TooManyRequestsException as error:
                    return (error.response["Reason"], error.response["ResponseMetadata"]["HTTPStatusCode"])
            with ThreadPoolExecutor(\(count)) as pool:
                results = list(pool.map(call, range(\(count))))
            print(json.dumps({"ok": sum(1 for r in results if r[0] == "ok"),
                              "throttles": [r for r in results if r[0] != "ok"]}))
            """, port: port)
        #expect(output.status == 0, "\(output.standardError)")
        return jsonObject(output.standardOutput)
    }

    @Test("invokes over reserved concurrency are throttled with ReservedFunctionConcurrentInvocationLimitExceeded")
    func reservedThrottle() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(reserved: 2)]) { running in
            let tally = try await Self.concurrentInvokes(5, port: running.port)
            #expect(tally["ok"] as? Int == 2)
            let throttles = tally["throttles"] as? [[Any]] ?? []
            #expect(throttles.count == 3)
            #expect(throttles.allSatisfy {
                $0[0] as? String == "ReservedFunctionConcurrentInvocationLimitExceeded" && $0[1] as? Int == 429
            })
            #expect(await running.host.concurrentExecutions(of: "probe") == 0)
        }
    }

    @Test("functions without reservation share the unreserved pool")
    func unreservedThrottle() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()], unreservedConcurrencyLimit: 1) { running in
            let tally = try await Self.concurrentInvokes(3, port: running.port)
            #expect(tally["ok"] as? Int == 1)
            let throttles = tally["throttles"] as? [[Any]] ?? []
            #expect(throttles.count == 2)
            #expect(throttles.allSatisfy { $0[0] as? String == "ConcurrentInvocationLimitExceeded" })
        }
    }

    @Test("reserved concurrency 0 throttles every invoke, as a disabled function in Lambda")
    func zeroReserved() async throws {
        _ = try await RunningHost.with([RunningHost.swiftFunction(reserved: 0)]) { running in
            await #expect(throws: InvokeError.throttled(.reservedFunctionConcurrentInvocationLimitExceeded)) {
                _ = try await running.host.invoke(function: "probe", payload: Array("{}".utf8))
            }
        }
    }

    @Test("provisioned environments are initialised before ready and never report a cold start")
    func provisionedWarm() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(reserved: 2, provisioned: 2)]) { running in
            #expect(await running.host.environmentCount(of: "probe") == 2)
            #expect(running.logFile("probe").contains("START") == false)
            let results = try await withThrowingTaskGroup(of: InvocationResult.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await running.host.invoke(function: "probe", payload: Array(#"{"action":"sleep","milliseconds":300}"#.utf8))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.outcome == .succeeded && $0.initDuration == nil })
            #expect(await running.host.environmentCount(of: "probe") == 2)
            let echo = try await running.host.invoke(function: "probe", payload: Array(#"{"action":"echo"}"#.utf8))
            #expect((echo.json["environment"] as? [String: String])?["AWS_LAMBDA_INITIALIZATION_TYPE"] == "provisioned-concurrency")
        }
    }
}
