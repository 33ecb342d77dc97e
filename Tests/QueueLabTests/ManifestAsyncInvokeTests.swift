import QueueLab
import Testing

@Suite("Asynchronous invocation settings of a manifest's functions")
struct ManifestAsyncInvokeTests {
    typealias Fixture = ManifestFixture

    static let queues = """
        {"Failures": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "failures"}},
         "Dead": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "dead"}}}
        """
    static let failuresARN = "arn:aws:sqs:eu-west-1:123456789012:failures"
    static let deadARN = "arn:aws:sqs:eu-west-1:123456789012:dead"

    static func asyncInvokes(worker: String, resources: String = queues) throws -> [AsyncInvokeDeclaration] {
        try Fixture.plan(Fixture.serverless(worker: worker, resources: resources)).asyncInvokes
    }

    static func failure(worker: String, resources: String = queues) -> String? {
        Fixture.failure(Fixture.serverless(worker: worker, resources: resources))?.description
    }

    @Test("maximumRetryAttempts, maximumEventAge, destinations.onFailure and an onError intrinsic giving an SQS queue")
    func serverlessSettings() throws {
        let declared = try Self.asyncInvokes(worker: """
            "maximumRetryAttempts": 0, "maximumEventAge": "60",
            "destinations": {"onFailure": {"arn": {"Fn::GetAtt": ["Failures", "Arn"]}, "type": "sqs"}},
            "onError": {"Fn::GetAtt": ["Dead", "Arn"]}
            """)
        #expect(declared == [
            AsyncInvokeDeclaration(
                functionName: "worker", maximumRetryAttempts: 0, maximumEventAge: 60, onFailureQueueARN: Self.failuresARN, deadLetterQueueARN: Self.deadARN)
        ])
        #expect(try Self.asyncInvokes(worker: #""destinations": {"onFailure": "arn:aws:sqs:eu-west-1:123456789012:failures"}"#)
            == [AsyncInvokeDeclaration(functionName: "worker", maximumRetryAttempts: nil, maximumEventAge: nil, onFailureQueueARN: Self.failuresARN, deadLetterQueueARN: nil)])
        #expect(try Self.asyncInvokes(worker: #""timeout": 10"#).isEmpty, "no settings, no declaration")
    }

    @Test(
        "settings out of range and targets that do not run locally are errors naming the key",
        arguments: [
            (#""maximumRetryAttempts": 3"#, "InvalidManifestValue: serverless.json: functions.worker.maximumRetryAttempts: is 3; allowed: an integer 0–2"),
            (#""maximumEventAge": 59"#, "InvalidManifestValue: serverless.json: functions.worker.maximumEventAge: is 59; allowed: an integer 60–21600"),
            (#""destinations": {"onFailure": "arn:aws:sns:eu-west-1:123456789012:alerts"}"#,
             "UnsupportedTarget: serverless.json: functions.worker.destinations.onFailure is \"arn:aws:sns:eu-west-1:123456789012:alerts\", an SNS topic, "
                + "which does not run locally; allowed: an SQS queue's ARN"),
            (#""destinations": {"onFailure": "otherFunction"}"#,
             #"UnsupportedTarget: serverless.json: functions.worker.destinations.onFailure is "otherFunction", a function's name, which does not run locally; allowed: an SQS queue's ARN"#),
            (#""destinations": {"onFailure": {"arn": "arn:aws:events:eu-west-1:123456789012:event-bus/default", "type": "eventBus"}}"#,
             #"UnsupportedTarget: serverless.json: functions.worker.destinations.onFailure.arn is "arn:aws:events:eu-west-1:123456789012:event-bus/default", an EventBridge event bus, which does not run locally; allowed: an SQS queue's ARN"#),
            (#""destinations": {"onSuccess": "arn:aws:sqs:eu-west-1:123456789012:failures"}"#,
             "InvalidManifestValue: serverless.json: functions.worker.destinations.onSuccess: on-success destinations do not run locally; allowed: destinations.onFailure with an SQS queue"),
            (#""onError": "arn:aws:sns:eu-west-1:123456789012:alerts""#,
             #"UnsupportedTarget: serverless.json: functions.worker.onError is "arn:aws:sns:eu-west-1:123456789012:alerts", an SNS topic, which does not run locally; allowed: an SQS queue's ARN"#),
            (#""onError": "arn:aws:sqs:eu-west-1:123456789012:dead""#,
             #"InvalidManifestValue: serverless.json: functions.worker.onError: is "arn:aws:sqs:eu-west-1:123456789012:dead"; allowed: an SNS topic's ARN as a string (the Serverless Framework's rule), "#
                + #"or for an SQS dead-letter queue an intrinsic function such as {"Fn::GetAtt": [<queue>, "Arn"]}"#),
        ])
    func invalid(worker: String, expected: String) {
        #expect(Self.failure(worker: worker) == expected)
    }

    @Test("AWS::Lambda::EventInvokeConfig and AWS::Lambda::Function.DeadLetterConfig")
    func cloudFormationForms() throws {
        let template = """
            {"Resources": {
               "Failures": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "failures"}},
               "Dead": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "dead"}},
               "WorkerLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "h", "Runtime": "provided.al2",
                 "DeadLetterConfig": {"TargetArn": {"Fn::GetAtt": ["Dead", "Arn"]}}}},
               "Config": {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": {"FunctionName": {"Ref": "WorkerLambdaFunction"}, "Qualifier": "$LATEST",
                 "MaximumRetryAttempts": 1, "MaximumEventAgeInSeconds": 3600,
                 "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["Failures", "Arn"]}}}}}}}
            """
        #expect(try Fixture.plan(template, file: "template.json").asyncInvokes == [
            AsyncInvokeDeclaration(
                functionName: "worker", maximumRetryAttempts: 1, maximumEventAge: 3600, onFailureQueueARN: Self.failuresARN, deadLetterQueueARN: Self.deadARN)
        ])
        let sns = template.replacingOccurrences(of: #"{"Fn::GetAtt": ["Dead", "Arn"]}"#, with: #""arn:aws:sns:eu-west-1:123456789012:alerts""#)
        #expect(throws: ManifestLoadError.unsupportedTarget(
            file: "template.json", key: "Resources.WorkerLambdaFunction.Properties.DeadLetterConfig.TargetArn",
            target: "arn:aws:sns:eu-west-1:123456789012:alerts", kind: "an SNS topic")) { try Fixture.plan(sns, file: "template.json") }
    }

    @Test("a setting made both on the function and in an EventInvokeConfig is an error naming both keys")
    func setTwice() {
        let resources = #"{"Config": {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": {"FunctionName": "worker", "Qualifier": "$LATEST", "MaximumRetryAttempts": 1}}}"#
        #expect(Self.failure(worker: #""maximumRetryAttempts": 2"#, resources: resources)
            == "InvalidManifestValue: serverless.json: resources.Resources.Config.Properties.MaximumRetryAttempts: is set at functions.worker.maximumRetryAttempts too; allowed: one of them")
    }
}
