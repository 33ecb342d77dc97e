import Foundation
import StrictJSON

/// Compiles a Serverless manifest into the plain CloudFormation template the Serverless Framework
/// would deploy: per function an `AWS::Lambda::Function` with its reserved concurrency, a version
/// and alias when it has provisioned concurrency, an `AWS::Lambda::EventSourceMapping` per `sqs`
/// event, and an HTTP API for `httpApi` events; the manifest's own resources and outputs are
/// copied as they are.
public struct CloudFormationCompiler {
    public init() {}

    /// The Serverless Framework's fallbacks when neither function nor provider sets a value.
    static let defaultTimeout = 6
    static let defaultMemorySize = 1024
    /// Serverless names the alias that carries provisioned concurrency this way.
    static let provisionedAliasName = "provisioned"
    static let codeBucketParameter = "CodeS3Bucket"
    static let codeKeyParameter = "CodeS3Key"

    public func template(for manifest: ServerlessManifest) throws -> JSONValue {
        var resources: [String: JSONValue] = [:]
        for (logicalID, resource) in manifest.resources?.resources ?? [:] {
            switch resource {
            case .queue(let properties):
                resources[logicalID] = ["Type": .string(CloudFormationResource.queueType), "Properties": try JSONValue(encoding: properties)]
            case .other(let value):
                resources[logicalID] = value
            }
        }
        for (name, function) in manifest.functions {
            resources.merge(functionResources(name: name, function: function, provider: manifest.provider)) { _, new in new }
        }
        resources[Self.roleLogicalID] = executionRole(for: manifest)
        let httpAPI = httpAPIResources(for: manifest)
        resources.merge(httpAPI.resources) { _, new in new }
        var outputs = httpAPI.outputs
        for (name, output) in manifest.resources?.outputs ?? [:] {
            outputs[name] = try JSONValue(encoding: output)
        }
        var template: [String: JSONValue] = [
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": .string("\(manifest.service): queue workers compiled by queuelab from serverless.json"),
            "Parameters": [
                Self.codeBucketParameter: ["Type": "String", "Description": "S3 bucket holding the workers' deployment package"],
                Self.codeKeyParameter: ["Type": "String", "Description": "S3 key of the deployment package (a zip with the bootstrap executable)"],
            ],
            "Resources": .object(resources),
        ]
        if !outputs.isEmpty {
            template["Outputs"] = .object(outputs)
        }
        return .object(template)
    }

    private func functionResources(name: String, function: ServerlessFunction, provider: ServerlessProvider) -> [String: JSONValue] {
        let stem = ServerlessNaming.normalizedName(name)
        let functionID = ServerlessNaming.functionLogicalID(name)
        var properties: [String: JSONValue] = [
            "Code": ["S3Bucket": ["Ref": .string(Self.codeBucketParameter)], "S3Key": ["Ref": .string(Self.codeKeyParameter)]],
            "Handler": .string(function.handler),
            "Runtime": .string(function.runtime ?? provider.runtime ?? IntegrationDefinition.defaultRuntime),
            "MemorySize": .integer(function.memorySize ?? provider.memorySize ?? Self.defaultMemorySize),
            "Timeout": .integer(function.timeout ?? provider.timeout ?? Self.defaultTimeout),
            "Role": CloudFormationValue.arn(of: Self.roleLogicalID).json,
        ]
        if let reserved = function.reservedConcurrency {
            properties["ReservedConcurrentExecutions"] = .integer(reserved)
        }
        let variables = (provider.environment ?? [:]).merging(function.environment ?? [:]) { _, functionValue in functionValue }
        if !variables.isEmpty {
            properties["Environment"] = ["Variables": .object(variables.mapValues(\.json))]
        }
        var resources: [String: JSONValue] = [functionID: ["Type": "AWS::Lambda::Function", "Properties": .object(properties)]]

        // With provisioned concurrency the queue must invoke the alias, or the warm environments sit idle.
        var target: JSONValue = ["Ref": .string(functionID)]
        if let provisioned = function.provisionedConcurrency {
            let versionID = stem + "LambdaVersion"
            let aliasID = ServerlessNaming.provisionedAliasLogicalID(name)
            resources[versionID] = ["Type": "AWS::Lambda::Version", "Properties": ["FunctionName": ["Ref": .string(functionID)]]]
            resources[aliasID] = [
                "Type": "AWS::Lambda::Alias",
                "Properties": [
                    "FunctionName": ["Ref": .string(functionID)],
                    "FunctionVersion": CloudFormationValue.getAtt(logicalID: versionID, attribute: "Version").json,
                    "Name": .string(Self.provisionedAliasName),
                    "ProvisionedConcurrencyConfig": ["ProvisionedConcurrentExecutions": .integer(provisioned)],
                ],
            ]
            target = ["Ref": .string(aliasID)]
        }
        for (index, event) in function.sqsEvents.enumerated() {
            resources[eventSourceMappingID(stem: stem, event: event, index: index)] = eventSourceMapping(event, target: target)
        }
        return resources
    }

    private func eventSourceMapping(_ event: SQSEvent, target: JSONValue) -> JSONValue {
        var properties: [String: JSONValue] = [
            "EventSourceArn": event.arn.json,
            "FunctionName": target,
            "BatchSize": .integer(event.batchSize ?? SQSEvent.defaultBatchSize),
            "Enabled": .bool(event.enabled ?? true),
        ]
        if let patterns = event.filterPatterns, !patterns.isEmpty {
            // CloudFormation carries each pattern as a JSON string, as the Serverless Framework writes it.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let filters = patterns.map { pattern -> JSONValue in
                ["Pattern": .string((try? encoder.encode(pattern)).map { String(decoding: $0, as: UTF8.self) } ?? "{}")]
            }
            properties["FilterCriteria"] = ["Filters": .array(filters)]
        }
        if let window = event.maximumBatchingWindow {
            properties["MaximumBatchingWindowInSeconds"] = .integer(window)
        }
        if let responseType = event.functionResponseType {
            properties["FunctionResponseTypes"] = [.string(responseType)]
        }
        if let maximumConcurrency = event.maximumConcurrency {
            properties["ScalingConfig"] = ["MaximumConcurrency": .integer(maximumConcurrency)]
        }
        return ["Type": "AWS::Lambda::EventSourceMapping", "Properties": .object(properties)]
    }

    private func eventSourceMappingID(stem: String, event: SQSEvent, index: Int) -> String {
        if case .getAtt(let queueID, _) = event.arn {
            return stem + "EventSourceMappingSQS" + ServerlessNaming.normalizedName(queueID)
        }
        return stem + "EventSourceMappingSQS\(index + 1)"
    }
}
