import Foundation
import Primitives
import Testing

/// One `ProcessRaceWorker` OS process: started, held until the test releases all workers at once,
/// then read to its end.
final class RaceWorker {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var received = Data()

    init(executable: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// The worker's first line, "ready", once it has said it.
    func waitUntilReady() throws {
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            received.append(chunk)
        }
        guard lines.first == "ready" else { throw RaceWorkerError(message: "worker did not get ready: \(report())") }
    }

    func release() {
        input.fileHandleForWriting.write(Data("go\n".utf8))
    }

    /// Every line the worker wrote after "ready", once it has exited successfully.
    func finish() throws -> [String] {
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RaceWorkerError(message: "worker failed: \(report())") }
        return Array(lines.dropFirst())
    }

    private var lines: [String] {
        String(decoding: received, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private func report() -> String {
        let stderr = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        return "stdout \(lines), stderr \(stderr)"
    }

    /// Starts one worker per argument list, releases them together once all are ready, and returns
    /// each one's lines. The pipes and the waits block, so all of it runs on a thread of its own:
    /// held on one of the few cooperative threads for seconds, it stalled every other test's timers.
    static func runTogether(_ argumentLists: [[String]]) async throws -> [[String]] {
        try await DedicatedThread.run { try runTogetherBlocking(argumentLists) }
    }

    private static func runTogetherBlocking(_ argumentLists: [[String]]) throws -> [[String]] {
        guard let executable = TestFiles.product("ProcessRaceWorker") else {
            throw RaceWorkerError(message: "ProcessRaceWorker is not built next to the tests; run `swift build --build-tests`")
        }
        let workers = try argumentLists.map { try RaceWorker(executable: executable, arguments: $0) }
        for worker in workers { try worker.waitUntilReady() }
        for worker in workers { worker.release() }
        return try workers.map { try $0.finish() }
    }
}

struct RaceWorkerError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
