import EventSourceMapping
import QueueLab
import Testing

@Suite("sqs events and AWS::Lambda::EventSourceMapping resources → mapping declarations")
struct ManifestMappingsTests {
    typealias Fixture = ManifestFixture

    static let queues = """
        {"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}},
         "Stream": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}}}
        """
    static let ordersARN = "arn:aws:sqs:eu-west-1:123456789012:orders"

    static func mappings(events: String, resources: String = queues) throws -> [MappingDeclaration] {
        try Fixture.plan(Fixture.serverless(worker: #""events": \#(events)"#, resources: resources)).mappings
    }

    static func failure(events: String) -> String? {
        Fixture.failure(Fixture.serverless(worker: #""events": \#(events)"#, resources: queues))?.description
    }

    @Test("an sqs event as a bare ARN, or an object with every setting (filter patterns as written, not evaluated); other events are not mappings")
    func sqsEvents() throws {
        let mappings = try Self.mappings(events: """
            [{"httpApi": "GET /x"},
             {"sqs": "arn:aws:sqs:eu-west-1:123456789012:orders"},
             {"sqs": {"arn": {"Fn::GetAtt": ["Orders", "Arn"]}, "batchSize": "100", "maximumBatchingWindow": 5, "maximumConcurrency": 2,
                      "functionResponseType": "ReportBatchItemFailures", "enabled": false,
                      "filterPatterns": [{"body": {"Ref": ["x"]}}, {"attributes": {"SenderId": ["a"]}}]}}]
            """)
        #expect(mappings == [
            MappingDeclaration(
                key: "functions.worker.events[1].sqs", functionName: "worker", queueARN: Self.ordersARN, options: MappingOptions()),
            MappingDeclaration(
                key: "functions.worker.events[2].sqs", functionName: "worker", queueARN: Self.ordersARN,
                options: MappingOptions(batchSize: 100, maximumBatchingWindow: 5, maximumConcurrency: 2, reportsBatchItemFailures: true,
                filterPatterns: [#"{"body":{"Ref":["x"]}}"#, #"{"attributes":{"SenderId":["a"]}}"#], enabled: false)),
        ])
    }

    @Test(
        "sqs event values outside the Serverless Framework's schema are errors naming the key",
        arguments: [
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "batchSize": 10001}"#, "functions.worker.events[0].sqs.batchSize: is 10001; allowed: an integer 1–10000"),
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "batchSize": 0}"#, "functions.worker.events[0].sqs.batchSize: is 0; allowed: an integer 1–10000"),
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "maximumBatchingWindow": 301}"#, "functions.worker.events[0].sqs.maximumBatchingWindow: is 301; allowed: an integer 0–300"),
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "maximumConcurrency": 1}"#, "functions.worker.events[0].sqs.maximumConcurrency: is 1; allowed: an integer 2–1000"),
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "functionResponseType": "Partial"}"#, #"functions.worker.events[0].sqs.functionResponseType: is "Partial"; allowed: ReportBatchItemFailures"#),
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "filterPatterns": []}"#, "functions.worker.events[0].sqs.filterPatterns: is []; allowed: a list of 1–10 objects"),
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "filterPatterns": ["body"]}"#, #"functions.worker.events[0].sqs.filterPatterns[0]: is "body"; allowed: an object"#),
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "enabled": "no"}"#, #"functions.worker.events[0].sqs.enabled: is "no"; allowed: true or false"#),
            (#"{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders", "batchsize": 5}"#, "functions.worker.events[0].sqs.batchsize: is not known; allowed: arn, batchSize, enabled, filterPatterns, "),
            (#"{"batchSize": 5}"#, "functions.worker.events[0].sqs.arn: is required"),
            (#"{"arn": {"Ref": "Orders"}}"#, #"functions.worker.events[0].sqs.arn: is "<sqs-endpoint>/123456789012/orders", a queue's URL (what Ref gives a queue)"#),
            (#""orders""#, #"functions.worker.events[0].sqs.arn: is "orders"; allowed: an SQS queue's ARN, arn:aws:sqs:<region>:<account>:<name>"#),
        ])
    func invalidSQSEvents(event: String, expected: String) {
        let message = Self.failure(events: #"[{"sqs": \#(event)}]"#)
        #expect(message?.hasPrefix("InvalidManifestValue: serverless.json: " + expected) == true, "\(message ?? "no error")")
    }

    @Test("an sqs event on an SNS topic names what it is")
    func notAQueue() {
        #expect(Self.failure(events: #"[{"sqs": "arn:aws:sns:eu-west-1:123456789012:alerts"}]"#)
            == "UnsupportedTarget: serverless.json: functions.worker.events[0].sqs.arn is \"arn:aws:sns:eu-west-1:123456789012:alerts\", an SNS topic, "
                + "which does not run locally; allowed: an SQS queue's ARN")
    }

    @Test("EventSourceMapping resources: FunctionName as a Ref to a function or its provisioned alias, a name, or an ARN; non-SQS sources are left out")
    func eventSourceMappings() throws {
        let resources = """
            {"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}},
             "Stream": {"Type": "AWS::Kinesis::Stream"},
             "ByRef": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"EventSourceArn": {"Fn::GetAtt": ["Orders", "Arn"]},
               "FunctionName": {"Ref": "WorkerLambdaFunction"}, "BatchSize": 50, "MaximumBatchingWindowInSeconds": "2",
               "ScalingConfig": {"MaximumConcurrency": 5}, "FunctionResponseTypes": ["ReportBatchItemFailures"], "Enabled": "false",
               "FilterCriteria": {"Filters": [{"Pattern": "{ \\"body\\" : { \\"kind\\": [\\"order\\"] } }"}]}}},
             "ByAlias": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"EventSourceArn": "arn:aws:sqs:eu-west-1:123456789012:orders",
               "FunctionName": {"Ref": "WorkerProvConcLambdaAlias"}}},
             "ByName": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"EventSourceArn": "arn:aws:sqs:eu-west-1:123456789012:orders",
               "FunctionName": "worker:live"}},
             "ByARN": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"EventSourceArn": "arn:aws:sqs:eu-west-1:123456789012:orders",
               "FunctionName": "arn:aws:lambda:eu-west-1:123456789012:function:worker"}},
             "FromStream": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"EventSourceArn": {"Fn::GetAtt": ["Stream", "Arn"]},
               "FunctionName": "worker", "StartingPosition": "LATEST"}},
             "FromTable": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
               "EventSourceArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/x", "FunctionName": "worker"}}}
            """
        let json = Fixture.serverless(worker: #""provisionedConcurrency": 1"#, resources: resources)
        let mappings = try Fixture.plan(json).mappings
        func plain(_ logicalID: String) -> MappingDeclaration {
            MappingDeclaration(
                key: "resources.Resources.\(logicalID)", functionName: "worker", queueARN: Self.ordersARN, options: MappingOptions())
        }
        #expect(mappings == [
            plain("ByARN"), plain("ByAlias"), plain("ByName"),
            MappingDeclaration(
                key: "resources.Resources.ByRef", functionName: "worker", queueARN: Self.ordersARN,
                options: MappingOptions(batchSize: 50, maximumBatchingWindow: 2, maximumConcurrency: 5, reportsBatchItemFailures: true,
                filterPatterns: [#"{"body":{"kind":["order"]}}"#], enabled: false)),
        ])
    }

    @Test(
        "an EventSourceMapping naming an unknown function or with values out of range is an error",
        arguments: [
            (#""FunctionName": "other""#, "resources.Resources.M.Properties.FunctionName: names function 'other', which the manifest does not declare; allowed: worker"),
            (#""FunctionName": "worker", "BatchSize": 20000"#, "resources.Resources.M.Properties.BatchSize: is 20000; allowed: an integer 1–10000"),
            (#""FunctionName": "worker", "ScalingConfig": {"MaximumConcurrency": 1001}"#,
             "resources.Resources.M.Properties.ScalingConfig.MaximumConcurrency: is 1001; allowed: an integer 2–1000"),
            (#""FunctionName": "worker", "FunctionResponseTypes": ["Other"]"#, #"resources.Resources.M.Properties.FunctionResponseTypes[0]: is "Other"; allowed: ReportBatchItemFailures"#),
            (#""FunctionName": "worker", "FilterCriteria": {"Filters": [{"Pattern": "body"}]}"#,
             #"resources.Resources.M.Properties.FilterCriteria.Filters[0].Pattern: is "body"; allowed: a JSON object as a string"#),
        ])
    func invalidEventSourceMappings(properties: String, expected: String) {
        let resources = #"{"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}}, "M": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"EventSourceArn": {"Fn::GetAtt": ["Orders", "Arn"]}, \#(properties)}}}"#
        #expect(Fixture.failure(Fixture.serverless(resources: resources))?.description == "InvalidManifestValue: serverless.json: " + expected)
    }
}
