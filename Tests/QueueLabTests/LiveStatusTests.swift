import Foundation
import TestSupport
import Testing

/// `queuelab start`'s live status and `/metrics`, as the built binary shows them to a terminal,
/// a pipe and a Prometheus scraper.
@Suite("Live status and metrics of queuelab start")
struct LiveStatusTests {
    private static let escape = "\u{1B}"

    @Test("on a pseudo-terminal the status block is redrawn in place below the start-up lines, and left clean on exit")
    func terminal() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outputPath = directory + "/terminal.out"
        let run = try await ClientProcess.run(
            TestPaths.python, [
                TestPaths.packageRoot + "/Tests/clients/pty/capture.py", "4", outputPath, TestPaths.queuelab, "start",
                "--no-manifest", "--state", directory + "/state.sqlite", "--sqs-port", "0", "--lambda-port", "0",
            ], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        // Colour codes (SGR) aside, each frame starts with the block's title line.
        let output = try String(contentsOfFile: outputPath, encoding: .utf8)
            .replacing(try Regex(Self.escape + #"\[[0-9;]*m"#), with: "")
        let frames = output.components(separatedBy: "queuelab  up ").count - 1
        #expect(frames >= 5, "the first frame and four redraws: \(frames)")
        let listening = try #require(output.range(of: "SQS endpoint listening on http://127.0.0.1:"))
        let firstFrame = try #require(output.range(of: "queuelab  up "))
        #expect(listening.lowerBound < firstFrame.lowerBound, "start-up lines scroll above the block")
        // Each redraw moves the cursor back up over the previous block and erases below it.
        #expect(output.components(separatedBy: Self.escape + "[1A\r").count - 1 >= frames - 1)
        #expect(output.hasSuffix(Self.escape + "[J"), "the last frame stays, with the cursor on a fresh line below it")
    }

    @Test("on a pipe it prints plain status lines with no escape codes; --quiet prints none")
    func pipe() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for quiet in [false, true] {
            let arguments = ["--no-manifest", "--state", directory + "/state-\(quiet).sqlite", "--sqs-port", "0", "--lambda-port", "0"]
            let output = try await QueueLabProcess.with(arguments + (quiet ? ["--quiet"] : []), in: directory) { process in
                _ = try await process.url(after: "Lambda Invoke API listening on")
                if !quiet {
                    try await waitUntil("a status line") { process.output.contains("status up=") }
                }
                #expect(await process.stop(signal: SIGTERM) == 0)
                return process.output
            }
            #expect(!output.contains(Self.escape), "no escape codes on a pipe")
            let statusLines = output.split(separator: "\n").filter { $0.hasPrefix("status up=") }
            #expect(quiet ? statusLines.isEmpty : statusLines.count >= 1, "\(output)")
            #expect(statusLines.allSatisfy { $0.contains("no functions or queues yet") })
        }
    }

    @Test("--metrics-port serves Prometheus text with CloudWatch's names, which the official parser reads")
    func metrics() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let arguments = [
            "--no-manifest", "--quiet", "--state", directory + "/state.sqlite", "--sqs-port", "0", "--lambda-port", "0", "--metrics-port", "0",
        ]
        try await QueueLabProcess.with(arguments, in: directory) { process in
            let sqs = try await process.url(after: "SQS endpoint listening on")
            let metrics = try await process.url(after: "Prometheus metrics on")
            let created = try await ClientProcess.aws(["sqs", "create-queue", "--queue-name", "scraped"], endpoint: sqs, in: directory)
            #expect(created.status == 0, "\(created.standardError)")
            let sent = try await ClientProcess.aws(
                ["sqs", "send-message", "--queue-url", sqs + "/000000000000/scraped", "--message-body", "hello"], endpoint: sqs, in: directory)
            #expect(sent.status == 0, "\(sent.standardError)")
            try await waitUntil("the queue's gauge") {
                let scrape = try await Self.scrape(metrics, in: directory)
                return Self.value(scrape, "aws_sqs_approximate_number_of_messages_visible", queue: "scraped") == 1
            }
            let scrape = try await Self.scrape(metrics, in: directory)
            #expect(Self.value(scrape, "aws_sqs_number_of_messages_sent_total", queue: "scraped") == 1)
            #expect(Self.value(scrape, "aws_sqs_approximate_number_of_messages_not_visible", queue: "scraped") == 0)
            await process.stop(signal: SIGTERM)
        }
    }

    /// The families the official parser read from `url`.
    private static func scrape(_ url: String, in directory: String) async throws -> [[String: Any]] {
        let output = try await ClientProcess.run(
            TestPaths.python, [TestPaths.packageRoot + "/Tests/clients/metrics/scrape.py", url], in: directory)
        guard output.status == 0,
              let parsed = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        else { throw ClientFailed(description: "scrape failed: \(output.standardError)") }
        return parsed["families"] as? [[String: Any]] ?? []
    }

    private static func value(_ families: [[String: Any]], _ sample: String, queue: String) -> Double? {
        for family in families {
            for entry in family["samples"] as? [[String: Any]] ?? [] {
                if entry["name"] as? String == sample, (entry["labels"] as? [String: String])?["queue_name"] == queue {
                    return entry["value"] as? Double
                }
            }
        }
        return nil
    }
}
