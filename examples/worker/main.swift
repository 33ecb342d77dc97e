import FoundationEssentials
import Glibc
import LambdaHandler

// The queue worker of the examples and of the event source mapping tests: each message's body
// says what to do with it, so one handler can succeed, fail, hang, crash or run out of memory.
//
//   ok (or any other text)  succeed
//   fail                    fail: the whole batch, or only this message when the function
//                           reports batch item failures (WORKER_REPORTS_ITEM_FAILURES=true)
//   sleep <ms>              take that long, then succeed
//   hold                    wait until the file WORKER_RELEASE_FILE exists, then succeed
//   hang                    never finish (the function's timeout ends it)
//   crash                   die on SIGSEGV
//   oom <MB>                allocate and touch that much memory
//   bad-response            answer batchItemFailures naming a message that is not in the batch
//
// With WORKER_JOURNAL set, every invocation appends one JSON line there: its request id, start
// and end (microseconds since the epoch), and its messages' ids, bodies, receive counts and groups.

struct Journal: Encodable {
    let requestId: String
    let start: Int64
    let end: Int64
    let messageIds: [String]
    let bodies: [String]
    let receiveCounts: [String]
    let groups: [String]
}

struct WorkerFailure: Error, CustomStringConvertible {
    let description: String
}

func microseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
}

func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

let reportsItemFailures = environment("WORKER_REPORTS_ITEM_FAILURES") == "true"
let journalPath = environment("WORKER_JOURNAL")
let releasePath = environment("WORKER_RELEASE_FILE")

func append(_ entry: Journal, to path: String) {
    guard let line = try? JSONEncoder().encode(entry) else { return }
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    // One write of the whole line: appends from concurrent environments do not interleave.
    _ = (Array(line) + [UInt8(ascii: "\n")]).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
}

/// Does what the body says; returns whether the message failed.
func process(_ body: String) throws -> Bool {
    let words = body.split(separator: " ")
    switch words.first {
    case "fail":
        if reportsItemFailures { return true }
        throw WorkerFailure(description: "the message asked to fail")
    case "sleep":
        usleep(UInt32(words.dropFirst().first.flatMap { Int($0) } ?? 0) * 1000)
    case "hold":
        while releasePath.map({ access($0, F_OK) != 0 }) ?? true { usleep(5_000) }
    case "hang":
        while true { sleep(60) }
    case "crash":
        // The default action, not the Swift runtime's backtracer, so the process dies on the signal.
        signal(SIGSEGV, SIG_DFL)
        raise(SIGSEGV)
    case "oom":
        let bytes = (words.dropFirst().first.flatMap { Int($0) } ?? 4096) * 1024 * 1024
        let memory = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 4096)
        // Touch every page so the memory is really used, not just reserved.
        for offset in stride(from: 0, to: bytes, by: 4096) { memory.storeBytes(of: 1, toByteOffset: offset, as: UInt8.self) }
    default:
        break
    }
    return false
}

LambdaRuntime.run { (event: SQSEvent, context: LambdaContext) in
    let start = microseconds()
    defer {
        if let journalPath {
            append(Journal(
                requestId: context.requestID, start: start, end: microseconds(), messageIds: event.records.map(\.messageId),
                bodies: event.records.map(\.body), receiveCounts: event.records.map { $0.attributes["ApproximateReceiveCount"] ?? "" },
                groups: event.records.map { $0.attributes["MessageGroupId"] ?? "" }), to: journalPath)
        }
    }
    var failed: [String] = []
    for record in event.records where try process(record.body) {
        failed.append(record.messageId)
    }
    if event.records.contains(where: { $0.body == "bad-response" }) {
        return SQSBatchResponse(failedMessageIDs: ["not-a-message-of-this-batch"])
    }
    return SQSBatchResponse(failedMessageIDs: failed)
}
