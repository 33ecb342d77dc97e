import QueueLab
import Testing

@Suite("AWS::SQS::Queue resources → queue declarations")
struct ManifestQueuesTests {
    typealias Fixture = ManifestFixture

    static func queues(_ resources: String, service: String = "app") throws -> [QueueDeclaration] {
        try Fixture.plan(Fixture.serverless(resources: resources).replacingOccurrences(of: #""service": "app""#, with: #""service": "\#(service)""#)).queues
    }

    static func failure(_ properties: String) -> String? {
        Fixture.failure(Fixture.serverless(resources: #"{"Q": {"Type": "AWS::SQS::Queue", "Properties": \#(properties)}}"#))?.description
    }

    @Test("properties become SQS attribute strings; numbers and booleans may be written as strings")
    func attributes() throws {
        let queues = try Self.queues("""
            {"Jobs": {"Type": "AWS::SQS::Queue", "Properties": {
               "QueueName": "jobs.fifo", "FifoQueue": "true", "ContentBasedDeduplication": true, "DeduplicationScope": "messageGroup",
               "FifoThroughputLimit": "perMessageGroupId", "VisibilityTimeout": "120", "MessageRetentionPeriod": 3600, "DelaySeconds": 5,
               "MaximumMessageSize": 2048, "ReceiveMessageWaitTimeSeconds": 20, "SqsManagedSseEnabled": false,
               "Tags": [{"Key": "team", "Value": "sync"}]}}}
            """)
        #expect(queues == [
            QueueDeclaration(
                key: "resources.Resources.Jobs", logicalID: "Jobs", name: "jobs.fifo", arn: "arn:aws:sqs:eu-west-1:123456789012:jobs.fifo",
                attributes: [
                    "FifoQueue": "true", "ContentBasedDeduplication": "true", "DeduplicationScope": "messageGroup",
                    "FifoThroughputLimit": "perMessageGroupId", "VisibilityTimeout": "120", "MessageRetentionPeriod": "3600",
                    "DelaySeconds": "5", "MaximumMessageSize": "2048", "ReceiveMessageWaitTimeSeconds": "20", "SqsManagedSseEnabled": "false",
                ])
        ])
        #expect(queues[0].isFIFO)
    }

    @Test("without QueueName: <service>-<stage>-<LogicalId>, cut to 80 characters, .fifo kept")
    func generatedNames() throws {
        let long = String(repeating: "L", count: 90)
        let queues = try Self.queues("""
            {"Plain": {"Type": "AWS::SQS::Queue"}, "Ordered": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": true}},
             "\(long)": {"Type": "AWS::SQS::Queue"}, "F\(long)": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": true}}}
            """)
        let names = Dictionary(uniqueKeysWithValues: queues.map { ($0.logicalID, $0.name) })
        #expect(names["Plain"] == "app-dev-Plain")
        #expect(names["Ordered"] == "app-dev-Ordered.fifo")
        #expect(names[long] == String(("app-dev-" + long).prefix(80)))
        #expect(names["F" + long] == String(("app-dev-F" + long).prefix(75)) + ".fifo")
        #expect(names.values.allSatisfy { $0.count <= 80 })
        #expect(try Self.queues(#"{"Plain": {"Type": "AWS::SQS::Queue"}}"#) == Self.queues(#"{"Plain": {"Type": "AWS::SQS::Queue"}}"#), "deterministic")
    }

    @Test(
        "values outside SQS's ranges are errors naming the property and the range",
        arguments: [
            (#"{"VisibilityTimeout": 43201}"#, "resources.Resources.Q.Properties.VisibilityTimeout: is 43201; allowed: an integer 0–43200"),
            (#"{"MessageRetentionPeriod": "59"}"#, #"resources.Resources.Q.Properties.MessageRetentionPeriod: is "59"; allowed: an integer 60–1209600"#),
            (#"{"DelaySeconds": 901}"#, "resources.Resources.Q.Properties.DelaySeconds: is 901; allowed: an integer 0–900"),
            (#"{"MaximumMessageSize": 1023}"#, "resources.Resources.Q.Properties.MaximumMessageSize: is 1023; allowed: an integer 1024–1048576"),
            (#"{"ReceiveMessageWaitTimeSeconds": 21}"#, "resources.Resources.Q.Properties.ReceiveMessageWaitTimeSeconds: is 21; allowed: an integer 0–20"),
            (#"{"VisibilityTimeout": "ten"}"#, #"resources.Resources.Q.Properties.VisibilityTimeout: is "ten"; allowed: an integer 0–43200"#),
            (#"{"FifoQueue": "yes"}"#, #"resources.Resources.Q.Properties.FifoQueue: is "yes"; allowed: true or false"#),
            (#"{"ContentBasedDeduplication": true}"#, "resources.Resources.Q.Properties.ContentBasedDeduplication: applies to FIFO queues only; allowed: with FifoQueue: true"),
            (#"{"FifoQueue": true, "DeduplicationScope": "group"}"#, #"resources.Resources.Q.Properties.DeduplicationScope: is "group"; allowed: messageGroup, queue"#),
            (#"{"VisibilityTimout": 30}"#, "resources.Resources.Q.Properties.VisibilityTimout: is not a property of AWS::SQS::Queue; allowed: ContentBasedDeduplication, "),
            (#"{"QueueName": "orders.fifo"}"#, #"resources.Resources.Q.Properties.QueueName: is "orders.fifo"; a name ending in .fifo needs FifoQueue: true"#),
            (#"{"QueueName": "orders", "FifoQueue": true}"#, #"resources.Resources.Q.Properties.QueueName: is "orders"; a FIFO queue's name must end in .fifo"#),
            (#"{"QueueName": "my orders"}"#, #"resources.Resources.Q.Properties.QueueName: is "my orders"; allowed: 1–80 letters, digits, hyphens and underscores; a FIFO queue's ends in .fifo"#),
        ])
    func ranges(properties: String, expected: String) {
        let message = Self.failure(properties)
        #expect(message?.hasPrefix("InvalidManifestValue: serverless.json: " + expected) == true, "\(message ?? "no error")")
    }

    @Test("a generated name that SQS would refuse names the cause")
    func invalidGeneratedName() {
        let json = Fixture.serverless(resources: #"{"Q": {"Type": "AWS::SQS::Queue"}}"#).replacingOccurrences(of: #""service": "app""#, with: #""service": "my.app""#)
        #expect(Fixture.failure(json)?.message
            == #"serverless.json: resources.Resources.Q.Properties.QueueName: is not set, and the name made of the stack name and the logical ID, "my.app-dev-Q", "#
                + "is not valid: allowed: 1–80 letters, digits, hyphens and underscores; a FIFO queue's ends in .fifo")
    }

    @Test("RedrivePolicy as an object or a JSON string becomes SQS's JSON with the resolved ARN; the DLQ comes first")
    func redrive() throws {
        let queues = try Self.queues("""
            {"A": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "a", "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["ZDLQ", "Arn"]}, "maxReceiveCount": "3"}}},
             "B": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "b", "RedrivePolicy": "{\\"deadLetterTargetArn\\": \\"arn:aws:sqs:eu-west-1:123456789012:a\\", \\"maxReceiveCount\\": 7}"}},
             "ZDLQ": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "z-dlq",
               "RedriveAllowPolicy": {"redrivePermission": "byQueue", "sourceQueueArns": [{"Fn::GetAtt": ["A", "Arn"]}]}}}}
            """)
        #expect(queues.map(\.logicalID) == ["ZDLQ", "A", "B"])
        #expect(queues[1].attributes["RedrivePolicy"] == #"{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:z-dlq","maxReceiveCount":3}"#)
        #expect(queues[2].attributes["RedrivePolicy"] == #"{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:a","maxReceiveCount":7}"#)
        #expect(queues[0].attributes["RedriveAllowPolicy"] == #"{"redrivePermission":"byQueue","sourceQueueArns":["arn:aws:sqs:eu-west-1:123456789012:a"]}"#)
    }

    @Test(
        "redrive policies SQS would refuse are errors",
        arguments: [
            (#"{"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["D", "Arn"]}, "maxReceiveCount": 1001}}"#,
             "InvalidManifestValue: serverless.json: resources.Resources.Q.Properties.RedrivePolicy.maxReceiveCount: is 1001; allowed: an integer 1–1000"),
            (#"{"RedrivePolicy": {"maxReceiveCount": 5}}"#,
             "InvalidManifestValue: serverless.json: resources.Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn: is required"),
            (#"{"RedrivePolicy": {"deadLetterTargetArn": {"Ref": "D"}, "maxReceiveCount": 5}}"#,
             "InvalidManifestValue: serverless.json: resources.Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn: is "
                + #""<sqs-endpoint>/123456789012/app-dev-D", a queue's URL (what Ref gives a queue); allowed: a string such as its ARN, {"Fn::GetAtt": [<queue>, "Arn"]}"#),
            (#"{"RedrivePolicy": "not json"}"#,
             #"InvalidManifestValue: serverless.json: resources.Resources.Q.Properties.RedrivePolicy: is "not json", not a JSON object; allowed: an object, or a string holding one"#),
            (#"{"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Q", "Arn"]}, "maxReceiveCount": 5}}"#,
             "InvalidManifestValue: serverless.json: resources.Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn: names the queue itself; allowed: another queue's ARN"),
            (#"{"FifoQueue": true, "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["D", "Arn"]}, "maxReceiveCount": 5}}"#,
             "InvalidManifestValue: serverless.json: resources.Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn: names D, a standard queue, for a FIFO queue; allowed: a dead-letter queue of the same type"),
            (#"{"RedriveAllowPolicy": {"redrivePermission": "byQueue"}}"#,
             "InvalidManifestValue: serverless.json: resources.Resources.Q.Properties.RedriveAllowPolicy.sourceQueueArns: has 0 ARNs; allowed: 1–10 with byQueue"),
            (#"{"RedriveAllowPolicy": {"redrivePermission": "some"}}"#,
             #"InvalidManifestValue: serverless.json: resources.Resources.Q.Properties.RedriveAllowPolicy.redrivePermission: is "some"; allowed: allowAll, denyAll, byQueue"#),
        ])
    func invalidRedrive(properties: String, expected: String) {
        let json = Fixture.serverless(resources: #"{"Q": {"Type": "AWS::SQS::Queue", "Properties": \#(properties)}, "D": {"Type": "AWS::SQS::Queue"}}"#)
        #expect(Fixture.failure(json)?.description == expected)
    }

    @Test("queues redriving to each other are a circular reference")
    func redriveCycle() {
        let json = Fixture.serverless(resources: """
            {"A": {"Type": "AWS::SQS::Queue", "Properties": {"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["B", "Arn"]}, "maxReceiveCount": 5}}},
             "B": {"Type": "AWS::SQS::Queue", "Properties": {"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["A", "Arn"]}, "maxReceiveCount": 5}}}}
            """)
        #expect(Fixture.failure(json)?.description
            == "CircularReference: serverless.json: resources.Resources.A.Properties.RedrivePolicy.deadLetterTargetArn: circular reference: "
                + "resources.Resources.A.Properties.RedrivePolicy.deadLetterTargetArn → resources.Resources.B.Properties.RedrivePolicy.deadLetterTargetArn → "
                + "resources.Resources.A.Properties.RedrivePolicy.deadLetterTargetArn")
    }

    @Test("two queues with one name are an error")
    func duplicateNames() {
        let json = Fixture.serverless(resources: #"{"A": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "same"}}, "B": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "same"}}}"#)
        #expect(Fixture.failure(json)?.message == #"serverless.json: resources.Resources.B.Properties.QueueName: is "same", the name of queue A too; allowed: a name of its own"#)
    }
}
