import Foundation

extension EnvironmentProcess {
    /// Starts a function's runtime inside its memory limit, with the environment Lambda gives.
    convenience init(
        launching settings: ExecutionEnvironment.Settings, environmentID: String, kind: ExecutionEnvironment.Kind,
        memory: EnvironmentMemory, runtimeAPIPort: Int
    ) throws(ProcessSpawnError) {
        let function = settings.function
        var environment = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "LANG"].contains($0.key) }
        environment.merge([
            "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
        ]) { inherited, _ in inherited }
        environment.merge([
            "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(runtimeAPIPort)",
            "AWS_LAMBDA_FUNCTION_NAME": function.name,
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memorySize),
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(function.name)",
            "AWS_LAMBDA_LOG_STREAM_NAME": environmentID,
            "AWS_LAMBDA_INITIALIZATION_TYPE": kind == .provisioned ? "provisioned-concurrency" : "on-demand",
            "AWS_REGION": settings.region,
            "AWS_DEFAULT_REGION": settings.region,
            "AWS_EXECUTION_ENV": "AWS_Lambda_\(function.runtime)",
            "_HANDLER": function.handler,
            "LAMBDA_TASK_ROOT": function.codeDirectory,
            "TZ": ":UTC",
        ]) { _, lambda in lambda }
        if let sqs = settings.sqsEndpointURL { environment["AWS_ENDPOINT_URL_SQS"] = sqs }
        environment.merge(settings.sharedEnvironment) { _, shared in shared }
        environment.merge(settings.command.environment) { _, runtime in runtime }
        environment.merge(function.environment) { _, declared in declared }
        // A shell enters the memory limit and the code folder, then becomes the runtime.
        let limit = memory.shellCommand
        try self.init(
            executable: "/bin/sh",
            arguments: [
                "-c", limit.command + #" && cd "$2" && shift 2 && exec "$@""#, "queuelab-runtime",
                limit.argument, function.codeDirectory, settings.command.executable,
            ] + settings.command.arguments,
            environment: environment)
    }
}
