import Foundation

/// Runs a real process (the venv's `aws` CLI, the built `queuelab`) to completion and collects
/// what it printed; output goes through files, so a chatty process never blocks on a pipe.
struct ClientProcess {
    struct Output {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    static let awsEnvironment = [
        "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_MAX_ATTEMPTS": "1", "AWS_RETRY_MODE": "standard", "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]

    /// `aws --endpoint-url <endpoint> <arguments>`, run in `directory` (where `invoke` writes its outfile).
    static func aws(_ arguments: [String], endpoint: String, in directory: String) async throws -> Output {
        try await run(TestPaths.aws, ["--endpoint-url", endpoint, "--output", "json"] + arguments, in: directory)
    }

    static func run(_ executable: String, _ arguments: [String], in directory: String) async throws -> Output {
        let outPath = directory + "/client-\(UUID().uuidString).out", errPath = outPath + ".err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = awsEnvironment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Output(
            status: status,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

/// The JSON object in `text`, or an empty one.
func jsonObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
}
