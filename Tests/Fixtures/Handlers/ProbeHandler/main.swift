import FoundationEssentials
import Glibc
import LambdaHandler

// A handler whose behaviour each event chooses, so tests can make a real process succeed,
// log, fail, hang, wait for the test, crash, exhaust memory or answer garbage.
struct Command: Decodable {
    let action: String
    var milliseconds: Int?
    var megabytes: Int?
    /// For `pace`: return once this many milliseconds are left before the deadline, or at this
    /// time (milliseconds since the epoch).
    var untilRemainingMilliseconds: Int64?
    var untilEpochMilliseconds: Int64?
    /// For `hold`: a FIFO to announce the invocation on, and a file the test holds locked until
    /// it releases the handler.
    var arrivals: String?
    var gate: String?
    var code: Int32?
    var lines: [String]?
    /// For `fanOut`: where to send, and the bodies (the first alone, the rest as one batch).
    var queueURL: String?
    var bodies: [String]?
}

struct FanOutResult: Encodable {
    let sentMessageID: String
    let batchSucceeded: [String]
    let batchFailed: [String]
}

struct Echo: Encodable {
    let requestID: String
    let functionName: String
    let memoryLimitMB: Int
    let invokedFunctionARN: String
    let traceID: String?
    let clientContext: String?
    let remainingMilliseconds: Int64
    let environment: [String: String]
}

/// When a `pace` invocation's time was up, and when it returned (milliseconds since the epoch).
struct Pace: Encodable {
    let deadline: Int64
    let finished: Int64
}

struct ProbeFailure: Error, CustomStringConvertible {
    let description: String
}

let reportedVariables = [
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_REGION", "_HANDLER", "LAMBDA_TASK_ROOT",
    "AWS_ENDPOINT_URL_SQS", "AWS_LAMBDA_INITIALIZATION_TYPE", "PROBE_SETTING", "CRM_MOCK_URL", "SYNC_STATE_DIR", "API_URL",
]

func epochMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}

LambdaRuntime.initialise {
    // A slow init (a big dependency, a cold connection): exercises the init phase's limit.
    if let milliseconds = getenv("PROBE_INIT_SLEEP_MS").flatMap({ UInt32(String(cString: $0)) }) { usleep(milliseconds * 1000) }
    if getenv("PROBE_FAIL_INIT") != nil { throw ProbeFailure(description: "configuration is missing") }
}

LambdaRuntime.runBytes { payload, context in
    let command = try JSONDecoder().decode(Command.self, from: Data(payload))
    switch command.action {
    case "echo":
        var environment: [String: String] = [:]
        for name in reportedVariables { environment[name] = getenv(name).map { String(cString: $0) } }
        let echo = Echo(
            requestID: context.requestID, functionName: context.functionName, memoryLimitMB: context.memoryLimitMB,
            invokedFunctionARN: context.invokedFunctionARN, traceID: context.traceID,
            clientContext: context.clientContext, remainingMilliseconds: context.remainingMilliseconds,
            environment: environment)
        return Array(try JSONEncoder().encode(echo))
    case "log":
        for line in command.lines ?? [] { print(line) }
        return Array("\"logged\"".utf8)
    case "sleep":
        usleep(UInt32(command.milliseconds ?? 0) * 1000)
        return Array("\"slept\"".utf8)
    case "pace":
        let until = command.untilEpochMilliseconds ?? (context.deadlineMilliseconds - (command.untilRemainingMilliseconds ?? 0))
        let wait = until - epochMilliseconds()
        if wait > 0 { usleep(UInt32(wait) * 1000) }
        return Array(try JSONEncoder().encode(Pace(deadline: context.deadlineMilliseconds, finished: epochMilliseconds())))
    case "hold":
        // Announce the invocation, then wait until the test unlocks the gate: no timing involved.
        if let arrivals = command.arrivals {
            let fifo = open(arrivals, O_WRONLY | O_CLOEXEC)
            _ = write(fifo, "started\n", 8)
            close(fifo)
        }
        let gate = open(command.gate ?? "", O_RDONLY | O_CLOEXEC)
        guard gate >= 0, flock(gate, LOCK_SH) == 0 else { throw ProbeFailure(description: "cannot wait on the gate") }
        close(gate)
        return Array("\"released\"".utf8)
    case "fail":
        throw ProbeFailure(description: "the probe was asked to fail")
    case "exit":
        exit(command.code ?? 1)
    case "crash":
        // The default action, not the Swift runtime's backtracer, so the process dies on the signal.
        signal(SIGSEGV, SIG_DFL)
        raise(SIGSEGV)
        return []
    case "allocate":
        // Megabyte by megabyte, as a growing program does, touching every page so the memory is
        // really used, not just reserved; given back once all of it was held.
        let chunk = 1024 * 1024
        var chunks: [UnsafeMutableRawPointer] = []
        chunks.reserveCapacity(command.megabytes ?? 0)
        for _ in 0..<(command.megabytes ?? 0) {
            let memory = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 4096)
            for offset in stride(from: 0, to: chunk, by: 4096) { memory.storeBytes(of: 1, toByteOffset: offset, as: UInt8.self) }
            chunks.append(memory)
        }
        for memory in chunks { memory.deallocate() }
        return Array("\"allocated\"".utf8)
    case "fanOut":
        // Through LambdaHandler's SQS client, to AWS_ENDPOINT_URL_SQS.
        let client = try SQSClient()
        let bodies = command.bodies ?? []
        let queueURL = command.queueURL ?? ""
        let sent = try client.sendMessage(
            SQSClient.OutgoingMessage(body: bodies.first ?? "", stringAttributes: ["origin": "probe"]), queueURL: queueURL)
        let entries = bodies.dropFirst().enumerated().map { index, body in
            SQSClient.BatchEntry(id: "entry-\(index)", message: SQSClient.OutgoingMessage(body: body))
        }
        let batch = try client.sendMessageBatch(entries, queueURL: queueURL)
        let result = FanOutResult(
            sentMessageID: sent.messageID, batchSucceeded: batch.successful.map(\.id),
            batchFailed: batch.failed.map { "\($0.id): \($0.code)" })
        return Array(try JSONEncoder().encode(result))
    case "garbage":
        return Array("this is not json".utf8)
    default:
        throw ProbeFailure(description: "unknown action \(command.action)")
    }
}
