import ArgumentParser
import Foundation
import Observability

struct DLQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "Why is this message in my dead-letter queue? List dead letters, show one's whole history, redrive them.",
        discussion: """
            Reads the delivery attempts `queuelab start` records, also while it runs, and changes nothing \
            (except `redrive`, which moves messages).
            """,
        subcommands: [List.self, Show.self, Redrive.self])

    /// What `list` and `show` share.
    struct InspectionOptions: ParsableArguments {
        @Option(name: .customLong("state"), help: "SQLite state file.")
        var statePath = ".queuelab/state.sqlite"

        @Flag(help: "Print JSON (documented in ForensicsJSON).")
        var json = false
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each dead letter in the queue: id, body, source queue, when it died, attempts in its last life.")

        @Argument(help: "The dead-letter queue.")
        var queue: String

        @OptionGroup var options: InspectionOptions

        func run() async throws {
            let deadLetters = try await DeadLetterForensics(stateFile: options.statePath).deadLetters(inQueue: queue)
            if options.json {
                FileHandle.standardOutput.write(try ForensicsJSON.encode(deadLetters) + Data("\n".utf8))
            } else {
                print(DeadLetterText.list(deadLetters, queue: queue), terminator: "")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A dead letter's whole history: every receive, life by life, and why it died.")

        @Argument(help: "The dead-letter queue.")
        var queue: String

        @Argument(help: "The message's id.")
        var messageId: String

        @OptionGroup var options: InspectionOptions

        func run() async throws {
            let history = try await DeadLetterForensics(stateFile: options.statePath).history(ofMessage: messageId, inQueue: queue)
            if options.json {
                FileHandle.standardOutput.write(try ForensicsJSON.encode(history) + Data("\n".utf8))
            } else {
                print(DeadLetterText.show(history), terminator: "")
            }
        }
    }

    struct Redrive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move the dead letters back to their source queues (StartMessageMoveTask), showing progress until done.",
            discussion: """
                Without --no-wait this command moves the messages itself, so it needs no runtime; a runtime \
                running on the state file moves them too, within the same rate. With --no-wait it prints the \
                task's handle and returns: a runtime moves them, or a later `queuelab dlq redrive` of the \
                queue follows the task to its end.
                """)

        @Argument(help: "The dead-letter queue.")
        var queue: String

        @Option(name: .customLong("to"), help: "Move them to this queue instead of their source queues.")
        var destination: String?

        @Option(help: "At most this many messages a second (1-500; default: AWS's system-optimized rate).")
        var rate: Int?

        @Flag(name: .customLong("no-wait"), help: "Start the task and return at once, printing its handle.")
        var noWait = false

        @Option(name: .customLong("state"), help: "SQLite state file.")
        var statePath = ".queuelab/state.sqlite"

        func run() async throws {
            let redrive = try await DeadLetterForensics(stateFile: statePath)
                .startRedrive(from: queue, to: destination, rate: rate, following: !noWait)
            let started = redrive.started
            if noWait {
                print("Started message move task \(started.handle): \(started.total) messages from \(queue).")
                print("A runtime on \(statePath) moves them; `queuelab dlq redrive \(queue)` follows the task to its end.")
                return
            }
            // Progress is redrawn in place on a terminal, one line per update elsewhere.
            let console = TerminalConsole.standardOutput
            if redrive.alreadyRunning { console.log(lines: ["Following the move task already running for \(queue): \(started.handle)"]) }
            console.show([started.line])
            let ended = try await redrive.follow { console.show([$0.line]) }
            console.endStatus()
            if ended.failed { throw ExitCode.failure }
        }
    }
}
