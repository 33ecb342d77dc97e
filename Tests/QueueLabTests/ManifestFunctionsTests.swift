import Foundation
import FunctionHost
import QueueLab
import Testing

@Suite("Functions of a manifest → function host configurations")
struct ManifestFunctionsTests {
    typealias Fixture = ManifestFixture

    func configurations(_ json: String, file: String = "/srv/app/serverless.json") throws -> [FunctionConfiguration] {
        try Fixture.plan(json, file: file).configurations(sqsEndpoint: Fixture.endpoint)
    }

    @Test("a function's values win over provider's, which win over the Serverless Framework's defaults")
    func fallbacks() throws {
        let functions = try configurations(
            """
            {"service": "app", "provider": {"name": "aws", "runtime": "provided.al2023", "timeout": 30},
             "functions": {
               "inherits": {"handler": "Worker"},
               "own": {"handler": "worker.handle", "runtime": "python3.12", "timeout": 10, "memorySize": 512,
                       "reservedConcurrency": 5, "provisionedConcurrency": 2}}}
            """)
        #expect(functions == [
            FunctionConfiguration(
                name: "inherits", runtime: "provided.al2023", handler: "Worker", codeDirectory: "/srv/app", memorySize: 1024, timeout: 30),
            FunctionConfiguration(
                name: "own", runtime: "python3.12", handler: "worker.handle", codeDirectory: "/srv/app",
                memorySize: 512, timeout: 10, reservedConcurrency: 5, provisionedConcurrency: 2),
        ])
    }

    @Test("unset everywhere: timeout 6 s, 1024 MB, no reserved or provisioned concurrency")
    func frameworkDefaults() throws {
        let bare = try configurations(#"{"service": "a", "provider": {"name": "aws"}, "functions": {"f": {"handler": "H", "runtime": "provided.al2"}}}"#)
        #expect(bare.map(\.timeout) == [6])
        #expect(bare.map(\.memorySize) == [1024])
        #expect(bare.map(\.reservedConcurrency) == [nil])
        #expect(bare.map(\.provisionedConcurrency) == [0])
    }

    @Test("the code directory is the manifest's folder, made absolute")
    func codeDirectory() throws {
        let json = #"{"service": "a", "provider": {"name": "aws", "runtime": "provided.al2"}, "functions": {"f": {"handler": "H"}}}"#
        #expect(try configurations(json, file: "examples/../app/serverless.json").map(\.codeDirectory)
            == [FileManager.default.currentDirectoryPath + "/app"])
    }

    @Test("provider's environment is merged with the function's, and the function's value wins")
    func environmentMerge() throws {
        let functions = try configurations(
            """
            {"service": "a", "provider": {"name": "aws", "runtime": "provided.al2", "environment": {"STAGE": "dev", "LEVEL": "info"}},
             "functions": {"f": {"handler": "H", "environment": {"LEVEL": "debug", "NAME": "f"}}, "g": {"handler": "H"}}}
            """)
        #expect(functions.map(\.environment) == [["STAGE": "dev", "LEVEL": "debug", "NAME": "f"], ["STAGE": "dev", "LEVEL": "info"]])
    }

    @Test("queue references in provider's and the function's environment become URLs on the running endpoint")
    func queueReferences() throws {
        let plan = try Fixture.plan(Fixture.serverless(
            provider: #""environment": {"ORDERS_URL": {"Ref": "OrdersQueue"}}"#,
            worker: #""environment": {"DLQ_ARN": {"Fn::GetAtt": ["OrdersDLQ", "Arn"]}}"#,
            resources: """
                {"OrdersQueue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}},
                 "OrdersDLQ": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders-dlq.fifo", "FifoQueue": true}}}
                """))
        #expect(plan.configurations(sqsEndpoint: "http://127.0.0.1:40123").map(\.environment) == [[
            "ORDERS_URL": "http://127.0.0.1:40123/123456789012/orders",
            "DLQ_ARN": "arn:aws:sqs:eu-west-1:123456789012:orders-dlq.fifo",
        ]])
    }

    @Test(
        "settings outside Lambda's ranges are errors naming the key",
        arguments: [
            (#""timeout": 901"#, "functions.worker.timeout: is 901; allowed: an integer 1–900"),
            (#""timeout": "ten""#, #"functions.worker.timeout: is "ten"; allowed: an integer 1–900"#),
            (#""memorySize": 64"#, "functions.worker.memorySize: is 64; allowed: an integer 128–10240"),
            (#""reservedConcurrency": -1"#, "functions.worker.reservedConcurrency: is -1; allowed: an integer ≥ 0"),
            (#""reservedConcurrency": 2, "provisionedConcurrency": 3"#,
             "functions.worker.provisionedConcurrency: is 3, above the function's reserved concurrency; allowed: an integer 0–2"),
            (#""environment": {"X": [1]}"#, "functions.worker.environment.X: is [1]; allowed: a string, number or boolean, or an intrinsic function giving one"),
        ])
    func ranges(settings: String, expected: String) {
        #expect(Fixture.failure(Fixture.serverless(worker: settings))?.description == "InvalidManifestValue: serverless.json: " + expected)
    }

    @Test("a function without a runtime, with none in provider, is an error naming the key and the allowed runtimes")
    func missingRuntime() {
        let json = #"{"service": "a", "provider": {"name": "aws"}, "functions": {"worker": {"handler": "H"}}}"#
        #expect(Fixture.failure(json)?.description == "MissingRuntime: serverless.json: functions.worker.runtime is not set, nor is provider.runtime; "
            + "allowed: provided.*, python3.* (the Serverless Framework's Node.js default does not run here)")
    }

    static let template = """
        {"AWSTemplateFormatVersion": "2010-09-09",
         "Resources": {
           "WorkerLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {
             "Handler": "crm-sync", "Runtime": "provided.al2023", "MemorySize": 512, "Timeout": 60, "ReservedConcurrentExecutions": 4,
             "Code": {"S3Bucket": {"Ref": "CodeS3Bucket"}, "S3Key": {"Ref": "CodeS3Key"}},
             "Role": {"Fn::GetAtt": ["Role", "Arn"]},
             "Environment": {"Variables": {"QUEUE_URL": {"Ref": "Jobs"}}}}},
           "Named": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": {"Fn::Sub": "${AWS::StackName}-named"}, "Handler": "h.main", "Runtime": "python3.12"}},
           "Plain": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "h.main", "Runtime": "python3.12"}},
           "Alias": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "WorkerLambdaFunction"}, "Name": "live",
             "FunctionVersion": {"Fn::GetAtt": ["Version", "Version"]}, "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 2}}},
           "Version": {"Type": "AWS::Lambda::Version", "Properties": {"FunctionName": "worker",
             "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 1}}},
           "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs"}},
           "Role": {"Type": "AWS::IAM::Role", "Properties": {}}}}
        """

    @Test("template functions: FunctionName, else the Serverless name from <Name>LambdaFunction, else the logical ID; Lambda's defaults; aliases and versions add provisioned concurrency")
    func templateFunctions() throws {
        let plan = try Fixture.plan(Self.template, file: "/srv/app/my_stack.json")
        #expect(plan.format == .cloudFormation)
        #expect(plan.stackName == "my-stack")
        #expect(plan.configurations(sqsEndpoint: Fixture.endpoint) == [
            FunctionConfiguration(name: "Plain", runtime: "python3.12", handler: "h.main", codeDirectory: "/srv/app", memorySize: 128, timeout: 3),
            FunctionConfiguration(name: "my-stack-named", runtime: "python3.12", handler: "h.main", codeDirectory: "/srv/app", memorySize: 128, timeout: 3),
            FunctionConfiguration(
                name: "worker", runtime: "provided.al2023", handler: "crm-sync", codeDirectory: "/srv/app", memorySize: 512, timeout: 60,
                reservedConcurrency: 4, provisionedConcurrency: 3, environment: ["QUEUE_URL": "http://127.0.0.1:9324/123456789012/jobs"]),
        ])
        #expect(plan.functions.map(\.key) == ["Resources.Plain", "Resources.Named", "Resources.WorkerLambdaFunction"])
    }

    @Test("a template function without Handler or Runtime, or packaged as an image, is an error")
    func templateRequirements() {
        let plain = #""Plain": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "h.main", "Runtime": "python3.12"}}"#
        let noRuntime = Self.template.replacingOccurrences(of: plain, with: #""Plain": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "h.main"}}"#)
        #expect(throws: ManifestLoadError.invalidValue(file: "template.json", key: "Resources.Plain.Properties.Runtime", detail: "is required")) {
            try Fixture.plan(noRuntime, file: "template.json")
        }
        let image = Self.template.replacingOccurrences(of: plain, with: #""Plain": {"Type": "AWS::Lambda::Function", "Properties": {"PackageType": "Image"}}"#)
        #expect(throws: ManifestLoadError.invalidValue(
            file: "template.json", key: "Resources.Plain.Properties.PackageType",
            detail: "is \"Image\": container images do not run locally; allowed: Zip, with Runtime and Handler")) {
            try Fixture.plan(image, file: "template.json")
        }
    }

    @Test("two functions with one name are an error")
    func duplicateNames() {
        let json = Fixture.serverless(resources: #"{"Other": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "worker", "Handler": "h", "Runtime": "provided.al2"}}}"#)
        #expect(Fixture.failure(json)?.message == "serverless.json: resources.Resources.Other: is function 'worker', as functions.worker is; allowed: a function name of its own")
    }
}
