import ArgumentParser
import Foundation
import QueueLabBenchmarks

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measures the function host's own overhead.",
        subcommands: [Invoke.self]
    )

    struct Invoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Warm invoke overhead (Invoke API → no-op handler → response) and cold start of a no-op Swift handler.",
            discussion: """
                A warm invoke is timed by a keep-alive HTTP client on a thread of its own, from sending the \
                request to reading the whole response: both loopback round trips (client ↔ Invoke API, \
                handler ↔ Runtime API), the host, and the no-op handler. The client's own CPU time per \
                invoke is printed with it. A cold start is spawn until the runtime's first `next`.
                """
        )

        @Option(help: "The no-op handler executable (default: NoopHandler next to this binary).")
        var handler: String?

        @Option(help: "Warm invocations to measure.")
        var invocations = 2000

        @Option(help: "Cold starts to measure.")
        var coldStarts = 20

        func run() async throws {
            let executable = handler ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("NoopHandler").path
            let report = try await InvokeBenchmark(
                handlerExecutable: executable, warmInvocations: invocations, coldStarts: coldStarts
            ).run()
            print("warm invoke:  \(report.warmInvoke)")
            print("  of which the client's own CPU: \(InvokeBenchmark.milliseconds(report.clientCPUPerInvoke)) ms per invoke")
            print("cold start:   \(report.coldStart)")
            print("cold invoke:  \(report.coldInvoke)")
        }
    }
}
