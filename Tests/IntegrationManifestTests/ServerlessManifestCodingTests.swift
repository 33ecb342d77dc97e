import Foundation
import StrictJSON
import Testing

@testable import IntegrationManifest

/// `queuelab start` reads hand-written manifests too, so decoding accepts the Serverless
/// Framework's other spellings and keeps what it does not model.
struct ServerlessManifestCodingTests {
    private let handWritten = """
        {
          "service": "orders",
          "provider": {
            "name": "aws", "runtime": "python3.12", "timeout": 20,
            "environment": { "TABLE": "orders", "BUCKET": { "Fn::Sub": "${AWS::StackName}-files" } },
            "iam": { "role": { "statements": [{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:000000000000:orders" }] } }
          },
          "functions": {
            "worker": {
              "handler": "worker.handler",
              "events": [
                { "sqs": "arn:aws:sqs:us-east-1:000000000000:orders" },
                { "sqs": { "arn": { "Fn::GetAtt": "Jobs.Arn" }, "batchSize": 100, "maximumBatchingWindow": 5 } },
                { "http": { "path": "orders", "method": "post" } }
              ]
            }
          },
          "resources": {
            "Resources": {
              "Jobs": { "Type": "AWS::SQS::Queue", "Properties": { "FifoQueue": true, "ContentBasedDeduplication": true, "DelaySeconds": 5 } },
              "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "orders" } }
            }
          }
        }
        """

    @Test func decodesAHandWrittenManifest() throws {
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: Data(handWritten.utf8))
        #expect(manifest.frameworkVersion == nil)
        #expect(manifest.provider.timeout == 20)
        #expect(manifest.provider.environment?["BUCKET"] == .other(["Fn::Sub": "${AWS::StackName}-files"]))
        #expect(manifest.provider.iam?.role.statements == [
            IAMStatement(actions: ["sqs:SendMessage"], resources: [.string("arn:aws:sqs:us-east-1:000000000000:orders")])
        ])
        let worker = try #require(manifest.functions["worker"])
        #expect(worker.sqsEvents == [
            SQSEvent(arn: .string("arn:aws:sqs:us-east-1:000000000000:orders")),
            SQSEvent(arn: .getAtt(logicalID: "Jobs", attribute: "Arn"), batchSize: 100, maximumBatchingWindow: 5),
        ])
        #expect(worker.events.last == .other(["http": ["path": "orders", "method": "post"]]))
        #expect(manifest.resources?.queues == ["Jobs": SQSQueueProperties(delaySeconds: 5, fifoQueue: true, contentBasedDeduplication: true)])
        #expect(manifest.resources?.resources["Topic"] == .other(["Type": "AWS::SNS::Topic", "Properties": ["TopicName": "orders"]]))
    }

    @Test func encodesWhatItDecodes() throws {
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: Data(handWritten.utf8))
        let reencoded = try ManifestRenderer().render(manifest, as: .json)
        #expect(try JSONDecoder().decode(ServerlessManifest.self, from: Data(reencoded.utf8)) == manifest)
    }

    @Test func sqsEventKeepsFilterPatternsAndEnabled() throws {
        let json = #"{"arn": "arn:aws:sqs:us-east-1:000000000000:orders", "filterPatterns": [{"body": {"kind": ["order"]}}], "enabled": false}"#
        let event = try JSONDecoder().decode(SQSEvent.self, from: Data(json.utf8))
        #expect(event.filterPatterns == [["body": ["kind": ["order"]]]])
        #expect(event.enabled == false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(event), as: UTF8.self)
            == #"{"arn":"arn:aws:sqs:us-east-1:000000000000:orders","enabled":false,"filterPatterns":[{"body":{"kind":["order"]}}]}"#)
        // Unset, they stay out of generated manifests.
        #expect(String(decoding: try encoder.encode(SQSEvent(arn: .string("arn"), batchSize: 1)), as: UTF8.self) == #"{"arn":"arn","batchSize":1}"#)
    }

    @Test func writesIntrinsicsInTheirJSONForm() throws {
        let values: [CloudFormationValue] = [.ref("Queue"), .arn(of: "Queue"), .string("plain")]
        let rendered = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        #expect(rendered == #"[{"Ref":"Queue"},{"Fn::GetAtt":["Queue","Arn"]},"plain"]"#)
    }

    @Test func rejectsAManifestWithoutAProvider() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ServerlessManifest.self, from: Data(#"{ "service": "orders" }"#.utf8))
        }
    }
}
