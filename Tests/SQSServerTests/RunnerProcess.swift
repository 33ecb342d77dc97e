import Foundation

/// The built `queuelab start` as a child process on an ephemeral port.
final class RunnerProcess: Sendable {
    let process: Process
    let outputPath: String

    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("queuelab")
    }

    private init(process: Process, outputPath: String) {
        self.process = process
        self.outputPath = outputPath
    }

    static func start(state: String) throws -> RunnerProcess {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["start", "--state", state, "--sqs-port", "0", "--lambda-port", "0"]
        let outputPath = state + ".\(UUID().uuidString).out"
        try FileManager.default.createDirectory(atPath: (state as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = FileHandle.nullDevice
        try process.run()
        return RunnerProcess(process: process, outputPath: outputPath)
    }

    /// The endpoint the runner printed once it listens.
    func endpoint() async throws -> String {
        for _ in 0..<300 {
            let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            if let line = output.split(separator: "\n").first(where: { $0.contains("listening on ") }),
               let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }) {
                return String(url)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "queuelab start did not report its endpoint"])
    }

    func kill(signal: Int32) {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }
}
