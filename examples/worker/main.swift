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
//   bad-response-empty      answer batchItemFailures with an empty itemIdentifier ("")
//   bad-response-null       answer batchItemFailures with a null itemIdentifier
//   bad-response-key        answer batchItemFailures with a bad key name ("itemId")
//   bad-response-json       answer with text that is not JSON
// (Lambda fails the whole batch on each of these answers when the mapping reports batch item
// failures; the first such body in a batch decides the answer.)
//
// With WORKER_JOURNAL set, every invocation appends one JSON line there: its request id, start
// and end (microseconds since the epoch), and its messages' ids, bodies, receive counts and groups.
// With WORKER_STARTS set, every invocation appends one JSON line there as it starts (request id,
// start, message ids), so a test can tell which invocations are running.

struct Journal: Encodable {
    let requestId: String
    let start: Int64
    let end: Int64
    let messageIds: [String]
    let bodies: [String]
    let receiveCounts: [String]
    let groups: [String]
}

struct Start: Encodable {
    let requestId: String
    let start: Int64
    let messageIds: [String]
}

/// The partial batch response, with entries written as a `bad-response…` body asks.
struct BatchResponse: Encodable {
    struct ItemFailure: Encodable {
        let key: String
        /// `nil` is written as null.
        let identifier: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(identifier, forKey: Key(stringValue: key))
        }
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    let batchItemFailures: [ItemFailure]
}

/// The malformed answers Lambda's rules refuse, by the body that asks for each.
enum MalformedResponse: String {
    case unknownIdentifier = "bad-response"
    case emptyIdentifier = "bad-response-empty"
    case nullIdentifier = "bad-response-null"
    case badKeyName = "bad-response-key"
    case notJSON = "bad-response-json"
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
let startsPath = environment("WORKER_STARTS")

func append(_ entry: some Encodable, to path: String) {
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

/// The function's answer: the failed messages, or the malformed answer a body asks for.
func response(to records: [SQSEvent.Message], failed: [String]) throws -> [UInt8] {
    let entries: [BatchResponse.ItemFailure]
    switch records.lazy.compactMap({ MalformedResponse(rawValue: $0.body) }).first {
    case .unknownIdentifier?: entries = [.init(key: "itemIdentifier", identifier: "not-a-message-of-this-batch")]
    case .emptyIdentifier?: entries = [.init(key: "itemIdentifier", identifier: "")]
    case .nullIdentifier?: entries = [.init(key: "itemIdentifier", identifier: nil)]
    case .badKeyName?: entries = records.prefix(1).map { .init(key: "itemId", identifier: $0.messageId) }
    case .notJSON?: return Array(#"{"batchItemFailures": ["#.utf8)
    case nil: entries = failed.map { .init(key: "itemIdentifier", identifier: $0) }
    }
    return Array(try JSONEncoder().encode(BatchResponse(batchItemFailures: entries)))
}

LambdaRuntime.runBytes { payload, context in
    let start = microseconds()
    let event = try JSONDecoder().decode(SQSEvent.self, from: Data(payload))
    if let startsPath {
        append(Start(requestId: context.requestID, start: start, messageIds: event.records.map(\.messageId)), to: startsPath)
    }
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
    return try response(to: event.records, failed: failed)
}
