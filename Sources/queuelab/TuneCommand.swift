import ArgumentParser
import Foundation
import IntegrationManifest
import Logging
import Observability
import QueueLab

struct TuneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Compare queue configurations of one integration side by side: wall time, throughput, concurrency, retries, dead letters and cost, with a recommendation.",
        discussion: """
            Runs `queuelab sync <integration>` once per combination of the --vary values (times --repeat), \
            one after another, each on a fresh state with the same data and CRM knobs. A combination \
            the generator refuses is reported as refused, and the others still run.
            """)

    @Argument(help: "The integration: a folder under functions/.")
    var integration: String

    @Option(name: .customLong("vary"), help: "A queueConfig key and the values to try, e.g. maxWorkers=5,10,25,50 (repeatable).")
    var variations: [String] = []

    @Option(help: "People in the mock CRM.")
    var records: Int?

    @Option(name: .customLong("set"), help: "For every run: a queueConfig key or a CRM knob, e.g. crm.rateLimit=20/s (repeatable).")
    var settings: [String] = []

    @Option(name: .customLong("repeat"), help: "Runs per configuration; the table shows medians and ranges.")
    var repeats = 1

    @Option(help: "What to recommend for: fastest, cheapest, or no-dlq-fastest (the fastest with no dead letter and no Process in ERROR).")
    var goal = "no-dlq-fastest"

    @Flag(help: "Write the recommended values into the integration's queueConfig and regenerate serverless.json.")
    var apply = false

    @Option(name: .customLong("html"), help: "Write a self-contained HTML report with charts.")
    var htmlPath: String?

    @Option(name: .customLong("json"), help: "Write the raw figures and series as JSON.")
    var jsonPath: String?

    @Option(name: .customLong("price"), help: "Override a price, e.g. lambda.gbSecond=0.0000133334 (repeatable).")
    var priceOverrides: [String] = []

    @Option(name: .customLong("state"), help: "Folder of the runs' states (default: .queuelab/tune/<integration>).")
    var stateDirectory: String?

    func run() async throws {
        guard let goal = TuneGoal(rawValue: goal) else {
            throw TuneError(.invalidGoal, "--goal '\(goal)': expected one of \(TuneGoal.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let tune = try TuneRun(TuneRun.Configuration(
            integration: integration, root: root, variations: try variations.map { try TuneVariation(parsing: $0) }, settings: settings,
            records: records, repeats: repeats, goal: goal, prices: try Prices(parsing: priceOverrides), stateDirectory: stateDirectory))
        let console = TerminalConsole.standardOutput
        console.log(lines: ["Tuning \(integration): \(tune.configurations.count) configurations × \(repeats) run(s)"])
        var logger = Logger(label: "queuelab.tune")
        logger.logLevel = .warning
        let result = try await tune.run(logger: logger) { progress in
            console.show([TuneProgressText.line(progress)])
        }
        console.endStatus()
        let generator = ManifestGenerator(root: root)
        let values = result.recommendedQueueConfig
        let snippet = try values.map { try generator.queueConfigSnippet(integration: integration, values: $0) }
        var lines = [""] + TuneText.lines(result, queueConfig: snippet)
        if let htmlPath {
            try Data(TuneReportPage.html(result).utf8).write(to: URL(fileURLWithPath: htmlPath))
            lines.append("HTML report: \(htmlPath)")
        }
        if let jsonPath {
            try TuneReportPage.json(result).write(to: URL(fileURLWithPath: jsonPath))
            lines.append("JSON: \(jsonPath)")
        }
        if apply, let values {
            try generator.applyQueueConfig(integration: integration, values: values)
            lines.append("Applied to functions/\(integration)/integration.json; regenerated \(ManifestGenerator.manifestFile).")
        }
        console.log(lines: lines)
    }
}
