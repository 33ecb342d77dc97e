import Foundation
import LambdaHandler
import Primitives
import QueueLab

/// How long a message takes from SendMessage to its handler's start on an idle, warm runtime: the
/// message is sent over HTTP to the SQS endpoint (as a client would), a long-polling poller wakes,
/// receives it and invokes the warm worker, which journals when it started. One message at a time.
public struct DeliveryLatencyBenchmark: Sendable {
    /// The examples' `queue-worker`, which journals each invocation's start.
    public let workerExecutable: String
    public let samples: Int

    public init(workerExecutable: String, samples: Int = 500) {
        self.workerExecutable = workerExecutable
        self.samples = samples
    }

    public func run() async throws -> LatencyStatistics {
        let directory = NSTemporaryDirectory() + "queuelab-latency-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = directory + "/journal.jsonl"
        _ = FileManager.default.createFile(atPath: journal, contents: nil)
        let runtime = try BenchmarkManifest.runtime(
            in: directory, handler: workerExecutable, environment: ["WORKER_JOURNAL": journal], event: ["batchSize": 1])
        let samples = samples
        return try await runtime.withRunning { endpoints in
            try await DedicatedThread.run {
                let client = try SQSClient(endpoint: endpoints.sqs)
                let queueURL = endpoints.sqs + "/000000000000/" + BenchmarkManifest.queueName
                var reader = try JournalReader(path: journal)
                // Warm up: the mapping's five pollers each start an environment.
                for _ in 0..<20 {
                    _ = try client.sendMessage(SQSClient.OutgoingMessage(body: "ok"), queueURL: queueURL)
                    _ = try reader.nextStart()
                }
                var latencies: [Duration] = []
                for _ in 0..<samples {
                    let sent = Self.microsecondsSinceEpoch()
                    _ = try client.sendMessage(SQSClient.OutgoingMessage(body: "ok"), queueURL: queueURL)
                    latencies.append(.microseconds(try reader.nextStart() - sent))
                }
                return LatencyStatistics(latencies)
            }
        }
    }

    static func microsecondsSinceEpoch() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }
}

/// Follows the worker's journal: each line is one invocation, with its start in microseconds.
private struct JournalReader {
    private let handle: FileHandle
    private var pending: [UInt8] = []

    init(path: String) throws {
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    }

    /// Waits for the next line and returns its `start`.
    mutating func nextStart() throws -> Int64 {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                let entry = try JSONDecoder().decode(JournalEntry.self, from: Data(line))
                return entry.start
            }
            guard ContinuousClock.now < deadline else { throw BenchmarkFailure(status: 0, body: Array("no invocation journaled within 30 s".utf8)) }
            if let data = try handle.readToEnd(), !data.isEmpty {
                pending += data
            } else {
                usleep(50)
            }
        }
    }

    private struct JournalEntry: Decodable {
        let start: Int64
    }
}
