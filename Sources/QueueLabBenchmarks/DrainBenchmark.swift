import Foundation
import Primitives
import QueueLab
import QueueStore

/// How fast the event source mapping drains a pre-filled queue through a no-op Swift handler, end
/// to end on the real runtime: receives, the SQS event, invocations over the Runtime API, deletes,
/// and (unless turned off) the attempt records, all on the same state file.
public struct DrainBenchmark: Sendable {
    public struct Report: Sendable, CustomStringConvertible {
        public let messages: Int
        public let elapsed: Duration
        /// CPU time (user and system) the runtime's own process spent during the drain: the store,
        /// the pollers, the host and the Runtime API, not the handler processes.
        public let runtimeCPU: Duration
        public let recordsAttempts: Bool

        public var messagesPerSecond: Double { Double(messages) / (Double(elapsed.wholeMicroseconds) / 1_000_000) }

        public var description: String {
            String(format: "%d messages in %.2f s: %.0f messages/s, runtime CPU %.1f µs a message (attempt records %@)",
                   messages, Double(elapsed.wholeMicroseconds) / 1_000_000, messagesPerSecond,
                   Double(runtimeCPU.wholeMicroseconds) / Double(messages), recordsAttempts ? "on" : "off")
        }
    }

    public let handlerExecutable: String
    public let messages: Int
    public let batchSize: Int
    public let maximumConcurrency: Int
    public let recordsAttempts: Bool

    public init(handlerExecutable: String, messages: Int = 100_000, batchSize: Int = 10, maximumConcurrency: Int = 10, recordsAttempts: Bool = true) {
        self.handlerExecutable = handlerExecutable
        self.messages = messages
        self.batchSize = batchSize
        self.maximumConcurrency = maximumConcurrency
        self.recordsAttempts = recordsAttempts
    }

    public func run() async throws -> Report {
        let directory = NSTemporaryDirectory() + "queuelab-drain-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runtime = try BenchmarkManifest.runtime(
            in: directory, handler: handlerExecutable,
            event: ["batchSize": .integer(batchSize), "maximumConcurrency": .integer(maximumConcurrency)]
        ) { $0.mappingSettings.recordsAttempts = recordsAttempts }
        try await fill(runtime.store)
        return try await runtime.withRunning { _ in
            let started = ContinuousClock.now
            let cpuBefore = Self.processCPU()
            while try await runtime.store.hasMessages(inQueue: BenchmarkManifest.queueName) {
                try await Task.sleep(for: .milliseconds(10))
            }
            return Report(
                messages: messages, elapsed: ContinuousClock.now - started, runtimeCPU: Self.processCPU() - cpuBefore,
                recordsAttempts: recordsAttempts)
        }
    }

    /// CPU time (user and system) this process has used so far, all threads.
    static func processCPU() -> Duration {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }

    /// Creates the queue as the manifest declares it and sends every message before the mapping
    /// starts, in batches of ten, many at once (the store group-commits them).
    private func fill(_ store: QueueStore) async throws {
        _ = try await store.createQueue(name: BenchmarkManifest.queueName, attributes: ["VisibilityTimeout": "300"], region: "us-east-1")
        let batches = (messages + 9) / 10
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in 0..<batches {
                if batch >= 64 { try await group.next() }
                group.addTask {
                    let count = min(10, messages - batch * 10)
                    let outgoing = (0..<count).map { _ in OutgoingMessage(body: "{}") }
                    for result in try await store.send(outgoing, toQueue: BenchmarkManifest.queueName, senderId: "bench") {
                        _ = try result.get()
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
