import Foundation

/// Runs a real client (the venv's aws CLI or python with boto3) and collects what it printed.
struct ClientProcess {
    struct Output {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    static let awsEnvironment = [
        "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
        // Clients retry throttles by default; the tests need to see each one.
        "AWS_MAX_ATTEMPTS": "1", "AWS_RETRY_MODE": "standard", "AWS_CONFIG_FILE": "/dev/null",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]

    static func aws(_ arguments: [String], port: Int) async throws -> Output {
        try await run(TestPaths.aws, ["--endpoint-url", "http://127.0.0.1:\(port)"] + arguments)
    }

    /// Runs a boto3 script with `lambda_client` bound to the host's Invoke API.
    static func boto3(_ script: String, port: Int) async throws -> Output {
        let prelude = """
            import base64, json, sys, boto3
            from botocore.config import Config
            lambda_client = boto3.client("lambda", endpoint_url="http://127.0.0.1:\(port)",
                config=Config(retries={"total_max_attempts": 1}, read_timeout=60, max_pool_connections=50))

            """
        return try await run(TestPaths.python, ["-c", prelude + script])
    }

    static func run(_ executable: String, _ arguments: [String]) async throws -> Output {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/stdout", errPath = directory + "/stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
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
