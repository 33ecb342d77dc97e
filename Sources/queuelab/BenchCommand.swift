import ArgumentParser
import Foundation
import QueueLabBenchmarks

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measures the runtime's own overhead: the function host, and event source mappings end to end.",
        subcommands: [Invoke.self, Drain.self, Latency.self]
    )

    /// A product built next to this executable (`swift build` puts them together).
    static func product(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name).path
    }

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
            let executable = handler ?? BenchCommand.product("NoopHandler")
            let report = try await InvokeBenchmark(
                handlerExecutable: executable, warmInvocations: invocations, coldStarts: coldStarts
            ).run()
            print("warm invoke:  \(report.warmInvoke)")
            print("  of which the client's own CPU: \(LatencyStatistics.milliseconds(report.clientCPUPerInvoke)) ms per invoke")
            print("cold start:   \(report.coldStart)")
            print("cold invoke:  \(report.coldInvoke)")
        }
    }

    struct Drain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drain rate of an SQS event source mapping: a pre-filled queue through a no-op Swift handler.",
            discussion: """
                Fills a queue on a fresh state file, starts the runtime with one function behind an sqs event, and \
                times until the queue is empty: receives, the SQS event, invocations over the Runtime API, deletes \
                and attempt records. Runs with attempt records on, then off, to show what recording costs.
                """)

        @Option(help: "Messages to pre-fill.")
        var messages = 100_000

        @Option(help: "The mapping's batch size.")
        var batchSize = 10

        @Option(help: "The mapping's maximum concurrency.")
        var maximumConcurrency = 10

        @Option(help: "The no-op handler executable (default: NoopHandler next to this binary).")
        var handler: String?

        func run() async throws {
            for recordsAttempts in [true, false] {
                let report = try await DrainBenchmark(
                    handlerExecutable: handler ?? BenchCommand.product("NoopHandler"), messages: messages, batchSize: batchSize,
                    maximumConcurrency: maximumConcurrency, recordsAttempts: recordsAttempts
                ).run()
                print(report)
            }
        }
    }

    struct Latency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Latency from SendMessage to the handler's start on an idle, warm runtime.",
            discussion: """
                Sends one message at a time over HTTP to the SQS endpoint; a long-polling event source mapping \
                invokes the warm queue-worker, which journals the moment it starts.
                """)

        @Option(help: "Messages to time.")
        var samples = 500

        @Option(help: "The queue-worker executable (default: next to this binary).")
        var worker: String?

        func run() async throws {
            let statistics = try await DeliveryLatencyBenchmark(
                workerExecutable: worker ?? BenchCommand.product("queue-worker"), samples: samples
            ).run()
            print("SendMessage → handler start: \(statistics)")
        }
    }
}
