import ArgumentParser
import Foundation
import Observability

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report on a run from its state file: per function, mapping and queue, with an estimated AWS cost.",
        discussion: """
            Reads the attempt records and queue samples `queuelab start` writes, also while it runs. \
            Prices are AWS's us-east-1 list prices (see the README); override any with --price key=value.
            """)

    @Option(name: .customLong("state"), help: "SQLite state file.")
    var statePath = ".queuelab/state.sqlite"

    @Option(name: .customLong("run"), help: "The run to report (default: the latest).")
    var runId: Int64?

    @Flag(help: "Print the report as JSON (schema: docs/report.schema.json).")
    var json = false

    @Option(name: .customLong("html"), help: "Also write a self-contained HTML page with charts to this file.")
    var htmlPath: String?

    @Option(name: .customLong("price"), help: "Override a price, e.g. lambda.gbSecond=0.0000133334 (repeatable).")
    var priceOverrides: [String] = []

    func run() async throws {
        let prices = try Prices(parsing: priceOverrides)
        let report = try await RunReportReader(stateFile: statePath).report(run: runId, prices: prices)
        if let htmlPath {
            try Data(report.html.utf8).write(to: URL(fileURLWithPath: htmlPath))
        }
        if json {
            FileHandle.standardOutput.write(try report.json() + Data("\n".utf8))
        } else {
            print(report.text, terminator: "")
            if let htmlPath { print("HTML report: \(htmlPath)") }
        }
    }
}
