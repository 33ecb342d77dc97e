import Foundation

/// Runs the real clients users run (the project venv's python with boto3, the `aws` CLI).
struct ClientProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let venvBin = packageRoot.appendingPathComponent(".venv/bin")
    static let python = venvBin.appendingPathComponent("python").path
    static let aws = venvBin.appendingPathComponent("aws").path

    static func script(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/clients/sqs/\(name)").path
    }

    /// Runs `executable` with AWS credentials set to dummies and no user config in the way.
    static func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = "AKIDQUEUELABTEST"
        environment["AWS_SECRET_ACCESS_KEY"] = "secret"
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        environment["AWS_RETRY_MODE"] = "standard"
        environment["AWS_MAX_ATTEMPTS"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Files rather than pipes: a chatty client can never block on a full pipe.
        let outputDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("queuelab-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputDirectory) }
        let stdoutURL = outputDirectory.appendingPathComponent("stdout")
        let stderrURL = outputDirectory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume()
            }
        }
        guard process.processIdentifier != 0 else { throw CocoaError(.executableNotLoadable) }
        return Output(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "")
    }

    /// `aws sqs …` against `endpoint`, decoding its JSON output.
    static func awsSQS(_ endpoint: String, _ arguments: [String]) async throws -> Output {
        try await run(aws, ["--endpoint-url", endpoint, "--output", "json", "sqs"] + arguments)
    }
}
