import Foundation

/// A serverless.json for an end-to-end test, built from JSON values (never by pasting values into
/// text): queues, and functions that run the queue worker (`examples/worker`) or its Python twin
/// (`examples/python/worker.py`) with their journals in the test's workspace.
struct TestManifest {
    enum Runtime {
        /// The `queue-worker` product, found in the products directory.
        case swift
        /// `worker.handler` through awslambdaric; the worker is copied beside the manifest.
        case python
    }

    private var functions: [String: Any] = [:]
    private var resources: [String: Any] = [:]
    private(set) var usesPython = false

    /// The logical id of the queue named `name` (letters and digits of the name).
    static func logicalId(_ name: String) -> String {
        "Queue" + name.filter { $0.isLetter || $0.isNumber }
    }

    /// `{"Fn::GetAtt": [<queue>, "Arn"]}`.
    static func arn(_ queue: String) -> [String: Any] {
        ["Fn::GetAtt": [logicalId(queue), "Arn"]]
    }

    /// An `AWS::SQS::Queue` named `name`; with `deadLetterQueue` (declared too), a RedrivePolicy.
    mutating func queue(
        _ name: String, visibilityTimeout: Int = 30, fifo: Bool = false, deadLetterQueue: String? = nil, maxReceiveCount: Int = 1
    ) {
        var properties: [String: Any] = ["QueueName": name, "VisibilityTimeout": visibilityTimeout]
        if fifo {
            properties["FifoQueue"] = true
            properties["ContentBasedDeduplication"] = true
        }
        if let deadLetterQueue {
            properties["RedrivePolicy"] = ["deadLetterTargetArn": Self.arn(deadLetterQueue), "maxReceiveCount": maxReceiveCount]
        }
        resources[Self.logicalId(name)] = ["Type": "AWS::SQS::Queue", "Properties": properties]
    }

    /// A function running the worker; `settings` go into the function as they are
    /// (`reservedConcurrency`, `memorySize`, `destinations`, …).
    mutating func function(
        _ name: String, runtime: Runtime = .swift, timeout: Int = 10, environment: [String: String] = [:],
        events: [[String: Any]] = [], settings: [String: Any] = [:]
    ) {
        var function = settings
        function["timeout"] = timeout
        function["events"] = events
        function["environment"] = environment
        switch runtime {
        case .swift:
            function["handler"] = "queue-worker"
        case .python:
            function["handler"] = "worker.handler"
            function["runtime"] = "python3.11"
            usesPython = true
        }
        functions[name] = function
    }

    /// A serverless `sqs` event from the queue named `queue` (or from `arn`, when given).
    static func sqs(
        _ queue: String, arn: Any? = nil, batchSize: Int = 1, window: Int? = nil, maximumConcurrency: Int? = nil,
        reportsItemFailures: Bool = false, filterPatterns: [[String: Any]]? = nil, enabled: Bool? = nil
    ) -> [String: Any] {
        var event: [String: Any] = ["arn": arn ?? Self.arn(queue), "batchSize": batchSize]
        if let window { event["maximumBatchingWindow"] = window }
        if let maximumConcurrency { event["maximumConcurrency"] = maximumConcurrency }
        if reportsItemFailures { event["functionResponseType"] = "ReportBatchItemFailures" }
        if let filterPatterns { event["filterPatterns"] = filterPatterns }
        if let enabled { event["enabled"] = enabled }
        return ["sqs": event]
    }

    /// The manifest's text, each function's worker writing its journals into `workspace` and
    /// waiting there for the release file.
    func text(in workspace: Workspace) throws -> String {
        var functions: [String: Any] = [:]
        for (name, value) in self.functions {
            guard var function = value as? [String: Any] else { continue }
            var environment = function["environment"] as? [String: String] ?? [:]
            environment["WORKER_JOURNAL"] = workspace.journalPath(name)
            environment["WORKER_STARTS"] = workspace.startsPath(name)
            environment["WORKER_RELEASE_FILE"] = workspace.releasePath
            function["environment"] = environment
            functions[name] = function
        }
        let manifest: [String: Any] = [
            "service": "esm-tests", "frameworkVersion": "3",
            "provider": ["name": "aws", "runtime": "provided.al2023", "memorySize": 128],
            "functions": functions, "resources": ["Resources": resources],
        ]
        let data = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }
}
