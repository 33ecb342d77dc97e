import Foundation
import QueueLab
import Testing

/// Manifests as JSON text, settled as if read from a file, with a non-default account and region
/// so that ARNs show where they come from.
enum ManifestFixture {
    static let accountId = "123456789012"
    static let region = "eu-west-1"
    static let endpoint = "http://127.0.0.1:9324"

    static func plan(
        _ json: String, file: String = "serverless.json", stage: String? = nil, environment: [String: String] = [:]
    ) throws -> ManifestPlan {
        try ManifestPlan(contents: Array(json.utf8), file: file, accountId: accountId, region: region, stage: stage, environment: environment)
    }

    /// The error settling `json` fails with, expecting one.
    static func failure(
        _ json: String, stage: String? = nil, environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) -> ManifestLoadError? {
        #expect(throws: ManifestLoadError.self, sourceLocation: sourceLocation) {
            try plan(json, stage: stage, environment: environment)
        }
    }

    /// A serverless.json with one function `worker` (runtime from provider) and `resources`.
    static func serverless(
        provider: String = "", custom: String = "{}", worker: String = "", functions: String = "", resources: String = "{}"
    ) -> String {
        """
        {"service": "app", "custom": \(custom),
         "provider": {"name": "aws", "runtime": "provided.al2023"\(provider.isEmpty ? "" : ", " + provider)},
         "functions": {"worker": {"handler": "worker"\(worker.isEmpty ? "" : ", " + worker)}\(functions.isEmpty ? "" : ", " + functions)},
         "resources": {"Resources": \(resources)}}
        """
    }

    /// The environment of `worker` with the variable `X` set to `value` (JSON).
    static func workerEnvironment(_ value: String, custom: String = "{}", resources: String = "{}") -> String {
        serverless(custom: custom, worker: #""environment": {"X": \#(value)}"#, resources: resources)
    }

    /// `X` of `worker` once settled, with queue URLs on `endpoint`.
    static func environmentValue(
        _ value: String, custom: String = "{}", resources: String = "{}", stage: String? = nil, environment: [String: String] = [:]
    ) throws -> String? {
        let plan = try plan(workerEnvironment(value, custom: custom, resources: resources), stage: stage, environment: environment)
        return plan.configurations(sqsEndpoint: endpoint).first { $0.name == "worker" }?.environment["X"]
    }

    /// The message of the error settling `worker`'s `X` = `value` fails with.
    static func environmentFailure(
        _ value: String, custom: String = "{}", resources: String = "{}", sourceLocation: SourceLocation = #_sourceLocation
    ) -> String? {
        failure(workerEnvironment(value, custom: custom, resources: resources), sourceLocation: sourceLocation)?.description
    }

    static let ordersQueue = #"{"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}}}"#
}
