import TestSupport

extension ClientProcess {
    /// `aws …` against the host's Invoke API on `port`.
    static func aws(_ arguments: [String], port: Int) async throws -> Output {
        try await aws(arguments, endpoint: "http://127.0.0.1:\(port)")
    }

    /// Runs a boto3 script with `lambda_client` bound to the host's Invoke API.
    static func boto3(_ script: String, port: Int) async throws -> Output {
        let prelude = """
            import base64, json, sys, boto3
            from botocore.config import Config
            lambda_client = boto3.client("lambda", endpoint_url="http://127.0.0.1:\(port)",
                config=Config(retries={"total_max_attempts": 1}, read_timeout=60, max_pool_connections=50))
            # botocore makes a client's exception classes on first use, without a lock: threads that
            # first use them at once can get different classes, and an except clause then misses.
            lambda_client.exceptions

            """
        return try await run(TestPaths.python, ["-c", prelude + script])
    }
}
