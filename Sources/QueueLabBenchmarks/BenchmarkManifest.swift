import Foundation
import Logging
import QueueLab
import StrictJSON

/// A one-function, one-queue serverless.json for the event source mapping benchmarks.
enum BenchmarkManifest {
    static let queueName = "bench"

    /// A runtime on ephemeral ports over `directory`, running the manifest `write` puts there,
    /// without echoing function logs.
    static func runtime(
        in directory: String, handler: String, environment: [String: String] = [:], event: [String: JSONValue],
        configure: (inout RuntimeConfiguration) -> Void = { _ in }
    ) throws -> QueueLabRuntime {
        let manifest = directory + "/serverless.json"
        try write(to: manifest, handler: handler, environment: environment, event: event)
        var configuration = RuntimeConfiguration(statePath: directory + "/state.sqlite", sqsPort: 0, manifestPath: manifest, lambdaPort: 0)
        configuration.echoLogs = false
        configure(&configuration)
        var logger = Logger(label: "queuelab.bench")
        logger.logLevel = .warning
        return try QueueLabRuntime(configuration: configuration, logger: logger)
    }

    /// `handler` runs behind an `sqs` event on the queue `bench`, whose visibility timeout is long
    /// enough that nothing is received twice.
    static func write(to path: String, handler: String, environment: [String: String] = [:], event: [String: JSONValue]) throws {
        var sqs = event
        sqs["arn"] = ["Fn::GetAtt": ["BenchQueue", "Arn"]]
        let manifest: JSONValue = [
            "service": "bench",
            "provider": ["name": "aws", "runtime": "provided.al2023", "memorySize": 128],
            "functions": ["worker": [
                "handler": .string(handler), "timeout": 30, "environment": .object(environment.mapValues(JSONValue.string)),
                "events": [["sqs": .object(sqs)]],
            ]],
            "resources": ["Resources": ["BenchQueue": [
                "Type": "AWS::SQS::Queue", "Properties": ["QueueName": .string(queueName), "VisibilityTimeout": 300],
            ]]],
        ]
        try JSONEncoder().encode(manifest).write(to: URL(fileURLWithPath: path))
    }
}
