import Foundation
import QueueStore
import TestSupport
import Testing

/// `kill -9` of the real `queuelab start` while its event source mapping drains a few thousand
/// messages, then a restart on the same state file: nothing is lost, and nothing is deleted
/// without its handler having succeeded.
@Suite("kill -9 of the runner mid-drain")
struct KillDuringDrainTests {
    /// Quick messages, then messages whose handlers wait for the release file: the drain cannot
    /// end before the kill, however the machine schedules it. All are queued before the drain
    /// starts, so the held ones are received only after every quick one: sent while the drain ran,
    /// they were held from their first delivery while the filling went on, and under load they
    /// outlasted the function's timeout before the kill.
    static let quick = 2_500
    static let held = 500
    static var messages: Int { quick + held }

    /// The worker's mapping is `enabled` or not: the queues are filled through a runner whose
    /// mapping is off.
    static func manifest(journal: String, release: String, enabled: Bool) throws -> String {
        let manifest: [String: Any] = [
            "service": "drain",
            "provider": ["name": "aws", "runtime": "provided.al2023", "memorySize": 128],
            "functions": [
                "worker": [
                    "handler": "queue-worker", "timeout": 5, "environment": ["WORKER_JOURNAL": journal, "WORKER_RELEASE_FILE": release],
                    "events": [["sqs": ["arn": ["Fn::GetAtt": ["Jobs", "Arn"]], "batchSize": 10, "enabled": enabled]]],
                ],
            ],
            "resources": ["Resources": [
                "Jobs": ["Type": "AWS::SQS::Queue", "Properties": [
                    "QueueName": "jobs", "VisibilityTimeout": 5,
                    "RedrivePolicy": ["deadLetterTargetArn": ["Fn::GetAtt": ["JobsDLQ", "Arn"]], "maxReceiveCount": 5],
                ]],
                "JobsDLQ": ["Type": "AWS::SQS::Queue", "Properties": ["QueueName": "jobs-dlq"]],
            ]],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Message ids of every invocation the worker finished (it journals before it answers).
    static func journaled(_ path: String) -> (lines: Int, ids: Set<String>) {
        let lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n")
        var ids: Set<String> = []
        for line in lines {
            ids.formUnion((jsonObject(String(line))["messageIds"] as? [String]) ?? [])
        }
        return (lines.count, ids)
    }

    @Test("after the restart every message was deleted after a successful run or sits in the DLQ; none is lost")
    func killNineMidDrain() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/state.sqlite", journal = directory + "/journal.jsonl", release = directory + "/release"
        let arguments = ["--manifest", "serverless.json", "--state", state, "--sqs-port", "0", "--lambda-port", "0"]

        try Self.manifest(journal: journal, release: release, enabled: false)
            .write(toFile: directory + "/serverless.json", atomically: true, encoding: .utf8)
        let sent = try await QueueLabProcess.with(arguments, in: directory) { filler in
            let endpoint = try await filler.url(after: "SQS endpoint listening on")
            var sent: Set<String> = []
            for (count, body) in [(Self.quick, "sleep 5"), (Self.held, "hold")] {
                let ids = directory + "/sent-\(count).json"
                let fill = try await ClientProcess.run(
                    TestPaths.python, [TestPaths.sqsClientScript("fill.py"), endpoint, endpoint + "/000000000000/jobs", "\(count)", body, ids])
                try #require(fill.status == 0, "\(fill.standardError)")
                sent.formUnion(try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: ids))))
            }
            #expect(await filler.stop(signal: SIGTERM) == 0)
            return sent
        }

        try Self.manifest(journal: journal, release: release, enabled: true)
            .write(toFile: directory + "/serverless.json", atomically: true, encoding: .utf8)
        try await QueueLabProcess.with(arguments, in: directory) { first in
            // Mid-drain: a tenth of the messages processed; the held ones cannot be.
            try await waitUntil("a tenth of the messages is processed", timeout: .seconds(60)) {
                Self.journaled(journal).ids.count >= Self.messages / 10
            }
            await first.stop(signal: SIGKILL)
        }
        let atKill = Self.journaled(journal)
        _ = FileManager.default.createFile(atPath: release, contents: nil)

        try await QueueLabProcess.with(arguments, in: directory) { second in
            _ = try await second.url(after: "Lambda Invoke API listening on")
            let observer = try QueueStore(path: state)
            try await waitUntil("the queue is drained", timeout: .seconds(120)) {
                let counts = try await observer.attributes(ofQueue: "jobs", names: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])
                return counts.values.allSatisfy { $0 == "0" }
            }
            #expect(await second.stop(signal: SIGTERM) == 0)
        }

        #expect(sent.count == Self.messages)
        let store = try QueueStore(path: state)
        let deadLetters = Set(try await store.storedMessages(inQueue: "jobs-dlq").map(\.messageId))
        let remaining = Set(try await store.storedMessages(inQueue: "jobs").map(\.messageId))
        #expect(remaining.isEmpty)
        let deleted = sent.subtracting(deadLetters)
        // Deleted only after a successful run: the handler journals before it answers, and the
        // state file holds a succeeded attempt that carried each one.
        let end = Self.journaled(journal)
        #expect(deleted.isSubset(of: end.ids), "\(deleted.subtracting(end.ids).count) messages deleted without a journaled run")
        #expect(end.ids.count > atKill.ids.count, "the second runner finished the drain")
        var withoutSuccess = 0
        for id in deleted {
            let history = try await store.deliveryHistory(ofMessage: id)
            if !history.contains(where: { $0.attempt.outcome == .succeeded }) { withoutSuccess += 1 }
        }
        #expect(withoutSuccess == 0, "deleted messages whose recorded attempts show no success")
        let attempts = try await store.deliveryAttempts(function: "worker")
        #expect(!attempts.contains { $0.outcome == .inProgress }, "the restart settles what the killed runner left in progress")
        #expect(attempts.allSatisfy { [.succeeded, .interrupted].contains($0.outcome) }, "\(Set(attempts.map(\.outcome)))")
    }
}
