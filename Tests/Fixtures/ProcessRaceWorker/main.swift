import CRMSync
import Foundation

// One worker of the Process store's race tests, in its own OS process as a Lambda worker is.
//
//   ProcessRaceWorker open <path>
//   ProcessRaceWorker mark <path> <processId> <page>:<synced>:<failed>…
//
// Prints "ready", then waits for a line on standard input: the test's start signal, given to all
// workers at once. `open` then opens the store (racing the others to create and migrate a new
// file) and prints "opened". `mark` (which opened the store before "ready") records each page's
// outcome, with one error per failed person, and prints "page <n> <decision>" for each.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let arguments = CommandLine.arguments.dropFirst()
guard let mode = arguments.first, arguments.count >= 2 else { fail("usage: ProcessRaceWorker open|mark <path> …") }
let path = arguments[arguments.startIndex + 1]

/// Writes a line straight to standard output, unbuffered: the test reads it while this process waits.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func waitForStart() {
    say("ready")
    guard readLine() != nil else { fail("standard input closed before the start signal") }
}

do {
    switch mode {
    case "open":
        waitForStart()
        _ = try ProcessStore(path: path)
        say("opened")
    case "mark":
        guard arguments.count >= 3 else { fail("mark needs a Process id") }
        let processId = arguments[arguments.startIndex + 2]
        let outcomes = arguments.dropFirst(3).map { argument in
            let numbers = argument.split(separator: ":").compactMap { Int($0) }
            guard numbers.count == 3 else { fail("\(argument) is not <page>:<synced>:<failed>") }
            let errors = (0..<numbers[2]).map { index in
                ProcessErrorEntry(personId: "p\(numbers[0])-\(index)", page: numbers[0], message: "poison", timestamp: Date())
            }
            return PageOutcome(page: numbers[0], synced: numbers[1], failed: numbers[2], errors: errors)
        }
        let store = try ProcessStore(path: path)
        waitForStart()
        for outcome in outcomes {
            let decision = try await store.recordPage(processId, outcome)
            say("page \(outcome.page) \(decision)")
        }
    default:
        fail("unknown mode \(mode)")
    }
} catch {
    fail("\(error)")
}
