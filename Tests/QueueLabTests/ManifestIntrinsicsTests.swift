import QueueLab
import Testing

@Suite("CloudFormation intrinsic functions where QueueLab uses them")
struct ManifestIntrinsicsTests {
    typealias Fixture = ManifestFixture

    static let resources = """
        {"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}},
         "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${AWS::StackName}-jobs"}}},
         "Unnamed": {"Type": "AWS::SQS::Queue"},
         "Role": {"Type": "AWS::IAM::Role", "Properties": {"Anything": {"Fn::If": ["C", "a", "b"]}}}}
        """

    static func value(_ json: String) throws -> String? {
        try Fixture.environmentValue(json, resources: resources)
    }

    static func failure(_ json: String) -> String? {
        Fixture.environmentFailure(json, resources: resources)
    }

    @Test(
        "Ref: a queue's URL on the running endpoint, a function's name, pseudo parameters",
        arguments: [
            (#"{"Ref": "Orders"}"#, "http://127.0.0.1:9324/123456789012/orders"),
            (#"{"Ref": "Jobs"}"#, "http://127.0.0.1:9324/123456789012/app-dev-jobs"),
            (#"{"Ref": "Unnamed"}"#, "http://127.0.0.1:9324/123456789012/app-dev-Unnamed"),
            (#"{"Ref": "WorkerLambdaFunction"}"#, "worker"),
            (#"{"Ref": "AWS::Region"}"#, "eu-west-1"),
            (#"{"Ref": "AWS::AccountId"}"#, "123456789012"),
            (#"{"Ref": "AWS::StackName"}"#, "app-dev"),
            (#"{"Ref": "AWS::Partition"}"#, "aws"),
            (#"{"Ref": "AWS::URLSuffix"}"#, "amazonaws.com"),
        ])
    func ref(json: String, expected: String) throws {
        #expect(try Self.value(json) == expected)
    }

    @Test("a queue URL follows the endpoint the runtime reports")
    func urlFollowsEndpoint() throws {
        let plan = try Fixture.plan(Fixture.workerEnvironment(#"{"Fn::Sub": "${Orders}?x=1"}"#, resources: Self.resources))
        #expect(plan.functions[0].environment["X"]?.literal == nil)
        #expect(plan.configurations(sqsEndpoint: "http://127.0.0.1:40123")[0].environment["X"] == "http://127.0.0.1:40123/123456789012/orders?x=1")
    }

    @Test(
        "Fn::GetAtt: a queue's Arn, QueueName and QueueUrl, a function's Arn, in the list and the dotted form",
        arguments: [
            (#"{"Fn::GetAtt": ["Orders", "Arn"]}"#, "arn:aws:sqs:eu-west-1:123456789012:orders"),
            (#"{"Fn::GetAtt": "Orders.QueueName"}"#, "orders"),
            (#"{"Fn::GetAtt": ["Jobs", "QueueUrl"]}"#, "http://127.0.0.1:9324/123456789012/app-dev-jobs"),
            (#"{"Fn::GetAtt": ["WorkerLambdaFunction", "Arn"]}"#, "arn:aws:lambda:eu-west-1:123456789012:function:worker"),
        ])
    func getAtt(json: String, expected: String) throws {
        #expect(try Self.value(json) == expected)
    }

    @Test(
        "Fn::Sub with references, attributes, pseudo parameters and ${!Literal}, in both forms; Fn::Join",
        arguments: [
            (#"{"Fn::Sub": "${Orders.QueueName}@${AWS::Region}:${!Literal}"}"#, "orders@eu-west-1:${Literal}"),
            (#"{"Fn::Sub": ["${Queue}/${Count}", {"Queue": {"Fn::GetAtt": ["Orders", "Arn"]}, "Count": 3}]}"#,
             "arn:aws:sqs:eu-west-1:123456789012:orders/3"),
            (#"{"Fn::Sub": ["${Orders}", {"Orders": "shadowed"}]}"#, "shadowed"),
            (#"{"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "sqs", {"Fn::GetAtt": ["Orders", "QueueName"]}, 5, true]]}"#,
             "arn:aws:sqs:orders:5:true"),
            (#"{"Fn::Join": ["", [{"Ref": "Orders"}, "/x"]]}"#, "http://127.0.0.1:9324/123456789012/orders/x"),
        ])
    func subAndJoin(json: String, expected: String) throws {
        #expect(try Self.value(json) == expected)
    }

    @Test("numbers and booleans in the environment are text, as CloudFormation passes them")
    func scalars() throws {
        let plan = try Fixture.plan(Fixture.serverless(worker: #""environment": {"N": 5, "D": 1.5, "B": false, "E": 1e3}"#))
        #expect(plan.configurations(sqsEndpoint: Fixture.endpoint)[0].environment == ["N": "5", "D": "1.5", "B": "false", "E": "1000"])
    }

    @Test("AWS::NoValue removes the key; a parameter gives its Default")
    func noValueAndParameters() throws {
        let template = """
            {"AWSTemplateFormatVersion": "2010-09-09",
             "Parameters": {"Level": {"Type": "String", "Default": "debug"}, "Bucket": {"Type": "String"}},
             "Resources": {"WorkerLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {
               "Handler": "worker", "Runtime": "provided.al2023",
               "Environment": {"Variables": {"LEVEL": {"Ref": "Level"}, "GONE": {"Ref": "AWS::NoValue"}}}}}}}
            """
        let plan = try Fixture.plan(template, file: "template.json")
        #expect(plan.functions[0].environment == ["LEVEL": EndpointString("debug")])
        let withoutDefault = template.replacingOccurrences(of: #"{"Ref": "Level"}"#, with: #"{"Ref": "Bucket"}"#)
        #expect(throws: ManifestLoadError.unresolvedReference(
            file: "template.json", key: "Resources.WorkerLambdaFunction.Properties.Environment.Variables.LEVEL",
            reference: #"{"Ref":"Bucket"}"#, reason: "parameter 'Bucket' has no Default, and parameters cannot be given locally")
        ) { try Fixture.plan(withoutDefault, file: "template.json") }
    }

    @Test(
        "any other intrinsic function is an error naming it and the key",
        arguments: ["Fn::ImportValue", "Fn::If", "Fn::Select", "Fn::FindInMap", "Fn::Base64", "Fn::Split"])
    func unsupportedIntrinsics(function: String) {
        #expect(Self.failure(#"{"\#(function)": ["a", "b"]}"#)
            == "UnsupportedIntrinsic: serverless.json: functions.worker.environment.X: \(function) is not evaluated locally; "
                + "allowed: Ref, Fn::GetAtt, Fn::Sub, Fn::Join")
    }

    @Test("an unsupported intrinsic inside a queue's properties names the property's key")
    func unsupportedInQueue() {
        let json = Fixture.serverless(resources: #"{"OrdersQueue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::ImportValue": "shared-orders"}}}}"#)
        #expect(Fixture.failure(json)?.message
            == "serverless.json: resources.Resources.OrdersQueue.Properties.QueueName: Fn::ImportValue is not evaluated locally; "
                + "allowed: Ref, Fn::GetAtt, Fn::Sub, Fn::Join")
    }

    @Test(
        "references QueueLab cannot give a value for are errors naming the key and the reference",
        arguments: [
            (#"{"Ref": "Missing"}"#, #"cannot resolve {"Ref":"Missing"}: 'Missing' is not a resource or parameter of the manifest"#),
            (#"{"Ref": "Role"}"#, #"cannot resolve {"Ref":"Role"}: 'Role' is an AWS::IAM::Role, whose value is not known locally; allowed: "#
                + "AWS::SQS::Queue, AWS::Lambda::Function and AWS::Lambda::Alias resources, parameters with a Default, "
                + "AWS::Region, AWS::AccountId, AWS::StackName, AWS::Partition, AWS::URLSuffix, AWS::NoValue"),
            (#"{"Ref": "AWS::StackId"}"#, #"cannot resolve {"Ref":"AWS::StackId"}: AWS::StackId is not known locally; "#
                + "allowed: AWS::Region, AWS::AccountId, AWS::StackName, AWS::Partition, AWS::URLSuffix, AWS::NoValue"),
            (#"{"Fn::GetAtt": ["Orders", "Url"]}"#, #"cannot resolve {"Fn::GetAtt":["Orders","Url"]}: an AWS::SQS::Queue has no attribute 'Url' known locally; allowed: Arn, QueueName, QueueUrl"#),
            (#"{"Fn::Sub": "${Missing.Arn}"}"#, "cannot resolve ${Missing.Arn}: 'Missing' is not a resource of the manifest"),
        ])
    func unresolvedReferences(json: String, expected: String) {
        #expect(Self.failure(json) == "UnresolvedReference: serverless.json: functions.worker.environment.X: " + expected)
    }

    @Test("malformed intrinsics and values that are not text are errors naming the key")
    func malformed() {
        #expect(Self.failure(#"{"Fn::GetAtt": ["Orders"]}"#)
            == #"InvalidManifestValue: serverless.json: functions.worker.environment.X: {"Fn::GetAtt":["Orders"]} is not a valid Fn::GetAtt; "#
                + #"allowed: {"Fn::GetAtt": ["<logical ID>", "<attribute>"]} or {"Fn::GetAtt": "<logical ID>.<attribute>"}"#)
        #expect(Self.failure(#"{"Name": "x"}"#)
            == #"InvalidManifestValue: serverless.json: functions.worker.environment.X: is {"Name":"x"}; allowed: a string, number or boolean, or an intrinsic function giving one"#)
    }

    @Test("a queue whose name refers to itself is a circular reference")
    func circularQueueName() {
        let json = Fixture.serverless(
            resources: #"{"A": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${B.QueueName}-a"}}}, "B": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::GetAtt": ["A", "QueueName"]}}}}"#)
        #expect(Fixture.failure(json)?.description
            == "CircularReference: serverless.json: resources.Resources.A.Properties.QueueName: circular reference: "
                + "resources.Resources.A.Properties.QueueName → resources.Resources.B.Properties.QueueName → resources.Resources.A.Properties.QueueName")
    }
}
