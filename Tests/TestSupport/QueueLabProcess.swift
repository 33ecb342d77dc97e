import Foundation

/// The built `queuelab start` as a child process, its standard output going to a file.
public final class QueueLabProcess: Sendable {
    public let process: Process
    public let outputPath: String

    private init(process: Process, outputPath: String) {
        self.process = process
        self.outputPath = outputPath
    }

    /// Starts `queuelab start <arguments>` in `directory`.
    public static func start(_ arguments: [String], in directory: String) throws -> QueueLabProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.queuelab)
        process.arguments = ["start"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let outputPath = directory + "/queuelab-\(UUID().uuidString).out"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = FileHandle.nullDevice
        try process.run()
        return QueueLabProcess(process: process, outputPath: outputPath)
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

    /// Sends `signal` and waits for the exit status.
    @discardableResult
    public func stop(signal: Int32) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
