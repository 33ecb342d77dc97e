import TestSupport
import Foundation
import FunctionHost
import Testing

/// Inits slower than the limit sleep for longer than it from the process's start, so they always
/// outlive it; inits meant to pass get several seconds to spare.
@Suite("The init phase's limit, as Lambda applies it", .serialized)
struct InitPhaseTests {
    static func probe(initSleepMilliseconds: Int, timeout: Double, provisioned: Int = 0) -> FunctionConfiguration {
        RunningHost.swiftFunction(
            timeout: timeout, reserved: provisioned > 0 ? provisioned : nil, provisioned: provisioned,
            environment: ["PROBE_INIT_SLEEP_MS": String(initSleepMilliseconds)])
    }

    static func echo(_ running: RunningHost) async throws -> InvocationResult {
        try await running.host.invoke(function: "probe", payload: Array(#"{"action":"echo"}"#.utf8))
    }

    @Test("an init within the limit serves the first invocation and reports its Init Duration on REPORT")
    func initWithinLimit() async throws {
        try await RunningHost.with([Self.probe(initSleepMilliseconds: 200, timeout: 3)], initTimeout: .seconds(5)) { running in
            let result = try await Self.echo(running)
            #expect(result.outcome == .succeeded)
            #expect(try #require(result.initDuration) >= .milliseconds(200))
            #expect(!running.logFile("probe").contains("INIT_REPORT"))
        }
    }

    @Test("an init past the limit is stopped and retried inside the first invocation, on the function's timeout")
    func initRetriedInsideInvocation() async throws {
        try await RunningHost.with([Self.probe(initSleepMilliseconds: 1500, timeout: 10)], initTimeout: .seconds(1)) { running in
            let result = try await Self.echo(running)
            #expect(result.outcome == .succeeded)
            #expect(result.initDuration == nil, "the retried init is billed inside the invocation, not reported apart")
            #expect(try #require(result.duration) >= .milliseconds(1500))
            let remaining = try #require(result.json["remainingMilliseconds"] as? Int)
            #expect(remaining <= 8500, "the timeout runs from the retry's start, so the retried init used \(10_000 - remaining) ms of it")
            let log = running.logFile("probe").split(separator: "\n")
            let initReport = try #require(log.firstIndex { $0.contains("INIT_REPORT") })
            #expect(log[initReport].hasSuffix("\tPhase: init\tStatus: timeout"))
            #expect(try #require(Self.initDurationMilliseconds(log[initReport])) >= 1000)
            #expect(log.firstIndex { $0.contains("START RequestId: \(result.requestID)") }.map { $0 > initReport } == true)
            #expect(log.filter { $0.contains("INIT_REPORT") }.count == 1)
        }
    }

    @Test("a retried init that outlives the function's timeout fails the invocation as a timeout")
    func retriedInitTimesOut() async throws {
        try await RunningHost.with([Self.probe(initSleepMilliseconds: 60_000, timeout: 1)], initTimeout: .seconds(1)) { running in
            let result = try await Self.echo(running)
            let id = result.requestID
            #expect(result.outcome == .timedOut)
            #expect(result.json["errorType"] as? String == "Sandbox.Timedout")
            #expect(result.json["errorMessage"] as? String == "RequestId: \(id) Error: Task timed out after 1.00 seconds")
            #expect(result.logLines.count == 5, "\(result.logLines)")
            let invokePhase = try #require(result.logLines.first)
            #expect(invokePhase.hasPrefix("INIT_REPORT Init Duration: "))
            #expect(invokePhase.hasSuffix("\tPhase: invoke\tStatus: error\tError Type: Runtime.Unknown"))
            #expect(try #require(Self.initDurationMilliseconds(invokePhase[...])) >= 1000)
            #expect(result.logLines.dropFirst().first == "START RequestId: \(id) Version: $LATEST")
            #expect(result.logLines.contains { $0.hasSuffix("\(id) Task timed out after 1.00 seconds") })
            let report = try #require(result.logLines.last)
            #expect(report.hasSuffix("Status: timeout\t") && !report.contains("Init Duration"))
            let initPhase = running.logFile("probe").split(separator: "\n").filter { $0.contains("Phase: init\t") }
            #expect(initPhase.count == 1 && initPhase.allSatisfy { $0.hasSuffix("\tStatus: timeout") })
        }
    }

    @Test("a provisioned environment's init may take the function's timeout when that is longer than its limit")
    func provisionedInitUsesFunctionTimeout() async throws {
        let function = Self.probe(initSleepMilliseconds: 1500, timeout: 6, provisioned: 1)
        try await RunningHost.with([function], provisionedInitTimeout: .seconds(1)) { running in
            let result = try await Self.echo(running)
            #expect(result.outcome == .succeeded)
            #expect(result.initDuration == nil)
            #expect(!running.logFile("probe").contains("INIT_REPORT"))
        }
    }

    @Test("a provisioned environment whose init outlives its limit fails provisioning")
    func provisionedInitTimeout() async throws {
        let function = Self.probe(initSleepMilliseconds: 60_000, timeout: 1, provisioned: 1)
        let error = await #expect(throws: FunctionHostError.self) {
            try await RunningHost.with([function], provisionedInitTimeout: .seconds(1)) { _ in }
        }
        guard case .provisioningFailed(let name, let detail) = error else {
            Issue.record("expected provisioningFailed, got \(String(describing: error))")
            return
        }
        #expect(name == "probe")
        #expect(detail.contains("timed out after 1.00 seconds"), "\(detail)")
    }

    /// The milliseconds of `INIT_REPORT Init Duration: <ms> ms…`.
    static func initDurationMilliseconds(_ line: Substring) -> Double? {
        guard let start = line.range(of: "Init Duration: ")?.upperBound, let end = line.range(of: " ms", range: start..<line.endIndex)?.lowerBound
        else { return nil }
        return Double(line[start..<end])
    }
}
