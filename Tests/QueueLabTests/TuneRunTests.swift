import Foundation
import IntegrationManifest
import Logging
import Observability
import TestSupport
import Testing

@testable import QueueLab

/// `queuelab tune` end to end: real sync runs of ScalingTest (small), one at a time.
@Suite("queuelab tune, end to end", .serialized)
struct TuneRunTests {
    static let root = URL(fileURLWithPath: TestPaths.packageRoot)
    static let logger = Logger(label: "test.tune")

    static func tune(
        _ variations: [String], settings: [String] = ["provisioned=0"], records: Int = 400, state: String = TestPaths.temporaryDirectory()
    ) async throws -> TuneResult {
        try await TuneRun(TuneRun.Configuration(
            integration: "scaling-test", root: root, variations: try variations.map { try TuneVariation(parsing: $0) }, settings: settings,
            records: records, stateDirectory: state, executableSearchPaths: [TestPaths.productsDirectory])
        ).run(logger: logger)
    }

    @Test("two values: the table's figures are each run's report's, the recommendation is the fastest clean one, and the HTML page renders its charts")
    func twoValues() async throws {
        let state = TestPaths.temporaryDirectory()
        let result = try await Self.tune(["maxWorkers=5,20"], state: state)
        #expect(result.rows.map(\.configuration.label) == ["maxWorkers=5", "maxWorkers=20"])
        for (index, row) in result.rows.enumerated() {
            let measurement = try #require(row.measurements.first, "\(row.outcome)")
            let report = try await RunReportReader(stateFile: state + "/\(index + 1)-1/state.sqlite").report()
            let worker = try #require(report.functions.first { $0.name == "scalingTestQueueWorker" })
            let mapping = try #require(report.mappings.first)
            let queue = try #require(report.queues.first { $0.name == "scaling-test-queue" })
            #expect(worker.reservedConcurrency == row.configuration.values[0].value)
            #expect(measurement.coldStarts == worker.coldStarts && measurement.throttles == worker.throttles)
            #expect(measurement.peakConcurrency == mapping.peakConcurrency && measurement.meanConcurrency == mapping.meanConcurrency)
            #expect(measurement.deadLettered == queue.deadLettered && measurement.costDollars == report.cost.totalDollars)
            #expect(measurement.contactsSynced == 400)
        }
        // The recommendation is what the figures say: the lower median wall time of the clean rows.
        let walls = result.rows.map { $0.figure(\.wallSeconds)?.median ?? .infinity }
        #expect(result.recommended == (walls[0] <= walls[1] ? 0 : 1))
        let recommended = try #require(result.recommended)
        #expect(result.recommendedQueueConfig == ["provisioned": 0, "maxWorkers": result.rows[recommended].configuration.values[0].value])
        let lines = TuneText.lines(result, queueConfig: nil)
        let row = try #require(lines.first { $0.hasPrefix("★") })
        #expect(row.contains(result.rows[recommended].configuration.label))
        #expect(row.contains(String(format: "%.6f", try #require(result.rows[recommended].figure(\.costDollars)).median)))

        let htmlPath = state + "/tune.html", pngPath = state + "/tune.png"
        try Data(TuneReportPage.html(result).utf8).write(to: URL(fileURLWithPath: htmlPath))
        let page = try ParsedPage(html: String(contentsOfFile: htmlPath, encoding: .utf8))
        #expect(try page.values(of: "data-chart", in: "//*[@data-chart]") == [
            "Throughput against cost", "Queue depth", "In flight", "Concurrency", "Queue depth", "In flight", "Concurrency",
        ])
        #expect(try page.values(of: "data-series", in: "//*[@data-chart='Concurrency']//*[@data-series]") == [
            "scalingTestQueueWorker", "scalingTestQueueWorker",
        ])
        #expect(!page.html.contains("http://") && !page.html.contains("https://"), "nothing is fetched from the network")
        try await Chromium.screenshot(of: htmlPath, to: pngPath, width: 1100, height: 1600)
        let png = try await PNGStatistics.measure(pngPath)
        #expect(png.distinctColours >= 50, "a blank page has one colour")
        #expect(png.nonBackgroundShare > 0.03)
        let json = try JSONSerialization.jsonObject(with: TuneReportPage.json(result)) as? [String: Any]
        #expect((json?["rows"] as? [Any])?.count == 2)
    }

    @Test("under a tight CRM rate limit, more workers get more 429s and finish no faster than the CRM's rate allows")
    func rateLimited() async throws {
        // 3,000 persons: 15 pages and 15 batches of persons, so 50 workers can have 15 requests
        // in flight where 5 have 5, against a CRM that takes 4 a second from all of them.
        let result = try await Self.tune(["maxWorkers=5,50"], settings: ["provisioned=0", "crm.rateLimit=4/s"], records: 3000)
        let few = try #require(result.rows[0].measurements.first), many = try #require(result.rows[1].measurements.first)
        #expect(many.peakConcurrency > few.peakConcurrency, "\(few.peakConcurrency) and \(many.peakConcurrency) concurrent")
        #expect(many.rateLimited > few.rateLimited, "\(few.rateLimited) and \(many.rateLimited) 429s")
        // 31 requests succeed (the webhook registration, 15 pages, 15 reads by id) through a bucket
        // of 4 that refills 4 a second: no number of workers gets them through in less than 27/4 s.
        for measurement in [few, many] {
            #expect(measurement.wallSeconds >= 27.0 / 4, "\(measurement.wallSeconds) s")
        }
        let table = TuneText.lines(result, queueConfig: nil)
        #expect(table.contains { $0.contains("maxWorkers=50") && $0.contains(" \(many.rateLimited) ") })
    }

    @Test("a configuration the generator refuses is reported with its message, and the others still run")
    func refusedConfiguration() async throws {
        let result = try await Self.tune(["provisioned=60,0"], settings: [])
        guard case .refused(let message) = result.rows[0].outcome else {
            Issue.record("expected a refusal, got \(result.rows[0].outcome)")
            return
        }
        #expect(message.contains("queueConfig.provisioned: 60 exceeds maxWorkers 50"), "\(message)")
        #expect(result.rows[1].measurements.count == 1)
        #expect(result.recommended == 1)
        #expect(TuneText.lines(result, queueConfig: nil).contains { $0.hasPrefix("provisioned=60: refused: ") })
    }

    @Test("--apply changes only the integration's queueConfig, and generate --check passes afterwards")
    func apply() async throws {
        let root = TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/functions", toPath: root + "/functions")
        try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/serverless.json", toPath: root + "/serverless.json")
        let definition = root + "/functions/scaling-test/integration.json"
        let before = try String(contentsOfFile: definition, encoding: .utf8)
        let output = try await ClientProcess.run(
            TestPaths.queuelab, ["tune", "scaling-test", "--vary", "maxWorkers=5,20", "--set", "provisioned=0", "--records", "300", "--apply"],
            in: root)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("★ Recommended for no-dlq-fastest: maxWorkers="), "\(output.standardOutput)")
        let after = try String(contentsOfFile: definition, encoding: .utf8)
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(!changed.isEmpty)
        #expect(changed.allSatisfy { $0.0.contains("\"maxWorkers\"") || $0.0.contains("\"provisioned\"") }, "\(changed)")
        #expect(before.split(separator: "\n").count == after.split(separator: "\n").count)
        let check = try await ClientProcess.run(TestPaths.queuelab, ["generate", "--check"], in: root)
        #expect(check.status == 0, "\(check.standardError)")
    }
}
