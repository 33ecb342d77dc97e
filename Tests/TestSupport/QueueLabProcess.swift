import Foundation
import Primitives

/// The built `queuelab start` as a child process, its standard output going to a file. Its exit
/// is awaited, never waited for on a thread (`Process.waitUntilExit` would hold one of the
/// cooperative pool's few threads for as long as the shutdown takes).
public final class QueueLabProcess: Sendable {
    public let process: Process
    public let outputPath: String
    private let exitStatus: OneShot<Int32>

    private init(process: Process, outputPath: String, exitStatus: OneShot<Int32>) {
        self.process = process
        self.outputPath = outputPath
        self.exitStatus = exitStatus
    }

    /// Starts `queuelab start <arguments>` in `directory` and runs `body` with it; however `body`
    /// ends, a process still running then is killed, and its exit awaited.
    public static func with<T>(
        _ arguments: [String], in directory: String, _ body: (QueueLabProcess) async throws -> T
    ) async throws -> T {
        let queuelab = try start(arguments, in: directory)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(queuelab))
        } catch {
            result = .failure(error)
        }
        await queuelab.stop(signal: SIGKILL)
        return try result.get()
    }

    private static func start(_ arguments: [String], in directory: String) throws -> QueueLabProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.queuelab)
        process.arguments = ["start"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let outputPath = directory + "/queuelab-\(UUID().uuidString).out"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = FileHandle.nullDevice
        let exitStatus = OneShot<Int32>()
        process.terminationHandler = { exitStatus.fulfil($0.terminationStatus) }
        try process.run()
        return QueueLabProcess(process: process, outputPath: outputPath, exitStatus: exitStatus)
    }

    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// The URL on the first output line starting with `prefix`, once it is printed.
    public func url(after prefix: String) async throws -> String {
        for _ in 0..<300 {
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
               let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }) {
                return String(url)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "queuelab start printed no '\(prefix)' line: \(output)"])
    }

    /// Sends `signal` unless the process has exited, and returns its exit status once it has.
    @discardableResult
    public func stop(signal: Int32) async -> Int32 {
        if exitStatus.current == nil { kill(process.processIdentifier, signal) }
        return await exitStatus.value()
    }
}
