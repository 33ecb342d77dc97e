import TestSupport
import Foundation
import FunctionHost
import Testing

@Suite("Reserved, unreserved and provisioned concurrency", .serialized)
struct ConcurrencyTests {
    /// Fires `count` concurrent boto3 invokes and tallies the answers. Each admitted invocation
    /// holds its handler until every invoke has been decided (its handler has started, or it has
    /// been answered), so the admitted ones are all running when the last one is admitted or
    /// throttled, however slowly the threads or the processes arrive.
    static func concurrentInvokes(_ count: Int, port: Int) async throws -> [String: Any] {
        let output = try await ClientProcess.boto3(
            """
            import fcntl, os, shutil, tempfile
            from concurrent.futures import ThreadPoolExecutor
            folder = tempfile.mkdtemp()
            gate_path, arrivals_path = os.path.join(folder, "gate"), os.path.join(folder, "arrivals")
            gate = open(gate_path, "w")
            fcntl.flock(gate, fcntl.LOCK_EX)
            os.mkfifo(arrivals_path)
            arrivals = os.open(arrivals_path, os.O_RDWR)
            payload = json.dumps({"action": "hold", "gate": gate_path, "arrivals": arrivals_path}).encode()
            def call(_):
                try:
                    response = lambda_client.invoke(FunctionName="probe", Payload=payload)
                    return ("ok", response["StatusCode"], response.get("FunctionError"))
                except lambda_client.exceptions.TooManyRequestsException as error:
                    return (error.response["Reason"], error.response["ResponseMetadata"]["HTTPStatusCode"])
                finally:
                    os.write(arrivals, b"answered\\n")
            with ThreadPoolExecutor(\(count)) as pool:
                futures = [pool.submit(call, n) for n in range(\(count))]
                # A handler writes "started" before it waits on the gate; an invoke that never
                # reaches one writes "answered".
                decided = 0
                while decided < \(count):
                    decided += os.read(arrivals, 4096).count(b"\\n")
                fcntl.flock(gate, fcntl.LOCK_UN)
                results = [future.result() for future in futures]
            shutil.rmtree(folder)
            print(json.dumps({"ok": [r for r in results if r[0] == "ok"],
                              "throttles": [r for r in results if r[0] != "ok"]}))
            """, port: port)
        #expect(output.status == 0, "\(output.standardError)")
        return jsonObject(output.standardOutput)
    }

    /// Admitted invokes whose handler ran and returned (status 200, no function error).
    static func succeeded(_ tally: [String: Any]) -> Int? {
        (tally["ok"] as? [[Any]])?.filter { $0.count == 3 && $0[1] as? Int == 200 && $0[2] is NSNull }.count
    }

    @Test("invokes over reserved concurrency are throttled with ReservedFunctionConcurrentInvocationLimitExceeded")
    func reservedThrottle() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(timeout: 60, reserved: 2)]) { running in
            let tally = try await Self.concurrentInvokes(5, port: running.port)
            #expect(Self.succeeded(tally) == 2)
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
        try await RunningHost.with([RunningHost.swiftFunction(timeout: 60)], unreservedConcurrencyLimit: 1) { running in
            let tally = try await Self.concurrentInvokes(3, port: running.port)
            #expect(Self.succeeded(tally) == 1)
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
