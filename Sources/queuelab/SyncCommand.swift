import ArgumentParser
import CRMSync
import Foundation
import Logging
import Observability
import QueueLab

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync one integration end to end on a fresh state and print the run report and each Process's results.",
        discussion: """
            Runs the integration's worker and webhook functions from its integration.json (as generate \
            would write them), its queue and DLQ, and the mock CRMs and Quo; sends INITIAL_SYNC (or \
            ONGOING_SYNC with --ongoing), shows each Process while it runs, and ends when every Process \
            is finished and every message settled. Exits 1 if a Process ended in ERROR. Run it from the \
            package root; the crm-sync executable is looked up next to this one.
            """)

    @Argument(help: "The integration: a folder under functions/ (pipedrive, attio, axiscare, zoho-crm, scaling-test).")
    var integration: String

    @Option(help: "People in the mock CRM (Zoho CRM: this many contacts and as many leads).")
    var records: Int?

    @Option(name: .customLong("set"), help: "For this run only: a queueConfig key (maxWorkers=10) or a CRM knob (crm.rateLimit=20/s); repeatable.")
    var settings: [String] = []

    @Option(name: .customLong("state"), help: "The run's folder (default: .queuelab/sync/<integration>); emptied of an earlier run's files first.")
    var stateDirectory: String?

    @Flag(help: "Run an ongoing sync (changes since the last completed sync) on the previous run's state.")
    var ongoing = false

    @Option(name: .customLong("esm-scale-per-minute"), help: "Concurrent batches the event source may add per minute (default: AWS's 300).")
    var scalePerMinute: Int?

    @Option(name: .customLong("html"), help: "Also write the run report as a self-contained HTML page.")
    var htmlPath: String?

    @Flag(help: "No live progress.")
    var quiet = false

    func run() async throws {
        let sync = try SyncRun(SyncRunConfiguration(
            integration: integration, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), stateDirectory: stateDirectory,
            syncType: ongoing ? .ongoing : .initial, freshState: !ongoing, records: records, settings: settings,
            eventSourceScalePerMinute: scalePerMinute))
        // Everything goes through the console that draws the progress block, so lines keep their order.
        let console = TerminalConsole.standardOutput
        console.log(lines: sync.warnings.map { "warning: \($0)" } + [
            "\(ongoing ? "Ongoing" : "Initial") sync of \(integration); state in \(sync.configuration.stateDirectory)"
        ])
        var logger = Logger(label: "queuelab.sync")
        logger.logLevel = .warning
        let display = SyncProgressDisplay(console: console)
        let result = try await sync.run(logger: logger) { progress in
            if !quiet { await display.show(progress) }
        }
        await display.end()
        var lines = [""] + result.report.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines += SyncRunText.summary(result)
        if let htmlPath {
            try Data(result.report.html.utf8).write(to: URL(fileURLWithPath: htmlPath))
            lines.append("HTML report: \(htmlPath)")
        }
        console.log(lines: lines)
        if !result.succeeded { throw ExitCode(1) }
    }
}
