import Foundation
import FunctionHost
import LambdaHandler
import Logging
import Primitives

/// Measures what the host adds to an invocation: warm round trips through the Invoke API to a
/// no-op handler and back, and cold starts (spawn until the runtime's first `next`).
public struct InvokeBenchmark: Sendable {
    public typealias Statistics = LatencyStatistics

    public struct Report: Sendable {
        /// Invoke API request → handler → response, on a warm environment, as the client sees it:
        /// both loopback TCP round trips (client ↔ Invoke API, handler ↔ Runtime API), the host, and
        /// the no-op handler's own work.
        public let warmInvoke: Statistics
        /// The client's own CPU time per warm invoke (building the request, its system calls,
        /// parsing the response); part of `warmInvoke`.
        public let clientCPUPerInvoke: Duration
        /// Process spawn until the runtime's first `next` (Lambda's Init Duration).
        public let coldStart: Statistics
        /// A whole cold invocation as the caller sees it.
        public let coldInvoke: Statistics
    }

    public let handlerExecutable: String
    public let warmInvocations: Int
    public let coldStarts: Int

    public init(handlerExecutable: String, warmInvocations: Int = 2000, coldStarts: Int = 20) {
        self.handlerExecutable = handlerExecutable
        self.warmInvocations = warmInvocations
        self.coldStarts = coldStarts
    }

    public func run() async throws -> Report {
        let warm = try await withHost { _, port in try await measureWarm(port: port) }
        var coldStarts: [Duration] = []
        var coldInvokes: [Duration] = []
        for _ in 0..<self.coldStarts {
            // A fresh host per sample, so every invocation starts a new environment.
            let (initDuration, total) = try await withHost { host, _ in
                let started = ContinuousClock.now
                let result = try await host.invoke(function: "noop", payload: Array("{}".utf8))
                return (result.initDuration, ContinuousClock.now - started)
            }
            coldInvokes.append(total)
            if let initDuration { coldStarts.append(initDuration) }
        }
        return Report(
            warmInvoke: Statistics(warm.durations), clientCPUPerInvoke: warm.clientCPU,
            coldStart: Statistics(coldStarts), coldInvoke: Statistics(coldInvokes))
    }

    /// The client is a blocking keep-alive HTTP/1.1 connection on a thread of its own, so it never
    /// occupies (or, with NIO as the global executor, blocks) a thread the host runs on.
    private func measureWarm(port: Int) async throws -> WarmSamples {
        let invocations = warmInvocations
        return try await DedicatedThread.run { () throws -> WarmSamples in
            let connection = HTTPConnection(host: "127.0.0.1", port: UInt16(port))
            let path = "/2015-03-31/functions/noop/invocations"
            let payload = Array("{}".utf8)
            var durations: [Duration] = []
            durations.reserveCapacity(invocations)
            // The first tenth warms caches and connections and is not counted.
            for _ in 0..<(invocations / 10) { try Self.invokeOnce(connection, path: path, payload: payload) }
            let cpuBefore = DedicatedThread.cpuTime()
            for _ in 0..<invocations {
                let started = ContinuousClock.now
                try Self.invokeOnce(connection, path: path, payload: payload)
                durations.append(ContinuousClock.now - started)
            }
            return WarmSamples(durations: durations, clientCPU: (DedicatedThread.cpuTime() - cpuBefore) / max(invocations, 1))
        }
    }

    private static func invokeOnce(_ connection: HTTPConnection, path: String, payload: [UInt8]) throws {
        let response = try connection.send(method: "POST", path: path, body: payload)
        guard response.status == 200 else { throw BenchmarkFailure(status: response.status, body: response.body) }
    }

    private func withHost<Value: Sendable>(_ body: @Sendable (FunctionHost, Int) async throws -> Value) async throws -> Value {
        let stateDirectory = NSTemporaryDirectory() + "queuelab-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: stateDirectory) }
        let function = FunctionConfiguration(
            name: "noop", runtime: "provided.al2023", handler: handlerExecutable,
            codeDirectory: (handlerExecutable as NSString).deletingLastPathComponent, timeout: 30)
        let host = try FunctionHost(
            functions: [function], configuration: FunctionHostConfiguration(stateDirectory: stateDirectory))
        var logger = Logger(label: "queuelab.bench")
        logger.logLevel = .critical
        let api = InvokeAPIServer(host: host, port: 0, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: Value.self) { group in
            group.addTask { try await host.run() }
            group.addTask { try await api.run() }
            defer { group.cancelAll() }
            guard let port = await api.waitUntilListening() else { throw BenchmarkFailure(status: 0, body: []) }
            return try await body(host, port)
        }
    }
}

private struct WarmSamples: Sendable {
    let durations: [Duration]
    let clientCPU: Duration
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let status: Int
    let body: [UInt8]
    var description: String { "benchmark invoke failed with HTTP \(status): \(String(decoding: body, as: UTF8.self))" }
}
