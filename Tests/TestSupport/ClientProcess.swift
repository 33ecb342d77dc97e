import Foundation

/// Runs a real process (the venv's `aws` CLI or python with boto3, the built `queuelab`) to
/// completion and collects what it printed; output goes through files, so a chatty process never
/// blocks on a full pipe.
public enum ClientProcess {
    public struct Output: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// Dummy credentials, no user configuration in the way, and no client-side retries: the
    /// tests need to see every error and throttle themselves.
    public static let awsEnvironment = [
        "AWS_ACCESS_KEY_ID": "AKIDQUEUELABTEST", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_MAX_ATTEMPTS": "1", "AWS_RETRY_MODE": "standard", "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]

    /// `aws --endpoint-url <endpoint> --output json <arguments>`, run in `directory` (where
    /// `lambda invoke` writes its outfile), or in a temporary one.
    public static func aws(_ arguments: [String], endpoint: String, in directory: String? = nil) async throws -> Output {
        try await run(TestPaths.aws, ["--endpoint-url", endpoint, "--output", "json"] + arguments, in: directory)
    }

    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) async throws -> Output {
        let workDirectory = directory ?? TestPaths.temporaryDirectory()
        let outPath = workDirectory + "/client-\(UUID().uuidString).out", errPath = outPath + ".err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
            if directory == nil { try? FileManager.default.removeItem(atPath: workDirectory) }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = awsEnvironment
        process.currentDirectoryURL = URL(fileURLWithPath: workDirectory)
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
public func jsonObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
}
