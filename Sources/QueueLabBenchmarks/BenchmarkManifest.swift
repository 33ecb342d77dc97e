import Foundation
import StrictJSON

/// A one-function, one-queue serverless.json for the event source mapping benchmarks.
enum BenchmarkManifest {
    static let queueName = "bench"

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
