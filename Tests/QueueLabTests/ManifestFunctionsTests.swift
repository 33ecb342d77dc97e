import Foundation
import FunctionHost
import IntegrationManifest
import QueueLab
import Testing

@Suite("serverless.json functions → function host configurations")
struct ManifestFunctionsTests {
    static let endpoint = "http://127.0.0.1:9324"

    /// Settles the manifest `json` as if read from `file`.
    func settle(_ json: String, file: String = "/srv/app/serverless.json") throws -> [FunctionConfiguration] {
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: Data(json.utf8))
        return try ManifestFunctions(manifest, file: file, accountId: "000000000000").configurations(sqsEndpoint: Self.endpoint)
    }

    /// The error settling `json` fails with.
    func failure(_ json: String) -> ManifestLoadError? {
        #expect(throws: ManifestLoadError.self) { try settle(json, file: "serverless.json") }
    }

    @Test("a function's values win over provider's, which win over the Serverless Framework's defaults")
    func fallbacks() throws {
        let functions = try settle(
            """
            {"service": "app", "provider": {"name": "aws", "runtime": "provided.al2023", "timeout": 30},
             "functions": {
               "inherits": {"handler": "Worker"},
               "own": {"handler": "worker.handle", "runtime": "python3.12", "timeout": 10, "memorySize": 512,
                       "reservedConcurrency": 5, "provisionedConcurrency": 2}}}
            """)
        #expect(functions == [
            FunctionConfiguration(
                name: "inherits", runtime: "provided.al2023", handler: "Worker", codeDirectory: "/srv/app",
                memorySize: 1024, timeout: 30),
            FunctionConfiguration(
                name: "own", runtime: "python3.12", handler: "worker.handle", codeDirectory: "/srv/app",
                memorySize: 512, timeout: 10, reservedConcurrency: 5, provisionedConcurrency: 2),
        ])
    }

    @Test("unset everywhere: timeout 6 s, 1024 MB, no reserved or provisioned concurrency; provider memory is inherited")
    func frameworkDefaults() throws {
        let bare = try settle(#"{"service": "a", "provider": {"name": "aws"}, "functions": {"f": {"handler": "H", "runtime": "provided.al2"}}}"#)
        #expect(bare.map(\.timeout) == [6])
        #expect(bare.map(\.memorySize) == [1024])
        #expect(bare.map(\.reservedConcurrency) == [nil])
        #expect(bare.map(\.provisionedConcurrency) == [0])
        let inherited = try settle(
            #"{"service": "a", "provider": {"name": "aws", "memorySize": 256}, "functions": {"f": {"handler": "H", "runtime": "provided.al2"}}}"#)
        #expect(inherited.map(\.memorySize) == [256])
    }

    @Test("the code directory is the manifest's folder, made absolute")
    func codeDirectory() throws {
        let json = #"{"service": "a", "provider": {"name": "aws", "runtime": "provided.al2"}, "functions": {"f": {"handler": "H"}}}"#
        let relative = try settle(json, file: "examples/../app/serverless.json")
        #expect(relative.map(\.codeDirectory) == [FileManager.default.currentDirectoryPath + "/app"])
    }

    @Test("provider's environment is merged with the function's, and the function's value wins")
    func environmentMerge() throws {
        let functions = try settle(
            """
            {"service": "a", "provider": {"name": "aws", "runtime": "provided.al2",
                                          "environment": {"STAGE": "dev", "LEVEL": "info"}},
             "functions": {"f": {"handler": "H", "environment": {"LEVEL": "debug", "NAME": "f"}},
                           "g": {"handler": "H"}}}
            """)
        #expect(functions.map(\.environment) == [
            ["STAGE": "dev", "LEVEL": "debug", "NAME": "f"],
            ["STAGE": "dev", "LEVEL": "info"],
        ])
    }

    @Test("a Ref to an AWS::SQS::Queue becomes the queue's URL on the running endpoint, in provider's and function's environment")
    func queueReferences() throws {
        let json = """
            {"service": "a", "provider": {"name": "aws", "runtime": "provided.al2",
                                          "environment": {"ORDERS_URL": {"Ref": "OrdersQueue"}}},
             "functions": {"f": {"handler": "H", "environment": {"DLQ_URL": {"Ref": "OrdersDLQ"}}}},
             "resources": {"Resources": {
               "OrdersQueue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}},
               "OrdersDLQ": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders-dlq.fifo", "FifoQueue": true}}}}}
            """
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: Data(json.utf8))
        let functions = try ManifestFunctions(manifest, file: "serverless.json", accountId: "123456789012")
        #expect(functions.configurations(sqsEndpoint: "http://127.0.0.1:40123").map(\.environment) == [[
            "ORDERS_URL": "http://127.0.0.1:40123/123456789012/orders",
            "DLQ_URL": "http://127.0.0.1:40123/123456789012/orders-dlq.fifo",
        ]])
    }

    static let resources = """
        "resources": {"Resources": {
          "Orders": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}},
          "Unnamed": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 60}},
          "Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "alerts"}}}}
        """

    /// A manifest whose function `worker` has `X` = `value`.
    static func functionEnvironment(_ value: String) -> String {
        """
        {"service": "a", "provider": {"name": "aws", "runtime": "provided.al2"},
         "functions": {"worker": {"handler": "H", "environment": {"X": \(value)}}}, \(resources)}
        """
    }

    @Test(
        "an environment value that does not run locally is an error naming the file, the key and what is allowed",
        arguments: [
            (#"{"Fn::GetAtt": ["Orders", "Arn"]}"#,
             #"UnsupportedEnvironmentValue: serverless.json: functions.worker.environment.X is {"Fn::GetAtt":["Orders","Arn"]}; allowed: a string, or {"Ref": <an AWS::SQS::Queue of resources.Resources>}"#),
            (#"{"Fn::Sub": "${Orders}/x"}"#,
             #"UnsupportedEnvironmentValue: serverless.json: functions.worker.environment.X is {"Fn::Sub":"${Orders}/x"}; allowed: a string, or {"Ref": <an AWS::SQS::Queue of resources.Resources>}"#),
            ("5",
             #"UnsupportedEnvironmentValue: serverless.json: functions.worker.environment.X is 5; allowed: a string, or {"Ref": <an AWS::SQS::Queue of resources.Resources>}"#),
            (#"{"Ref": "Missing"}"#,
             "UnknownQueueReference: serverless.json: functions.worker.environment.X refers to 'Missing', which is not an AWS::SQS::Queue of resources.Resources"),
            (#"{"Ref": "Alerts"}"#,
             "UnknownQueueReference: serverless.json: functions.worker.environment.X refers to 'Alerts', which is not an AWS::SQS::Queue of resources.Resources"),
            (#"{"Ref": "Unnamed"}"#,
             "UnnamedQueue: serverless.json: functions.worker.environment.X refers to queue 'Unnamed', which needs Properties.QueueName to have a local URL"),
        ])
    func unsupportedEnvironmentValue(value: String, expected: String) {
        #expect(failure(Self.functionEnvironment(value))?.description == expected)
    }

    @Test("a bad value in provider's environment is named by its provider key")
    func providerEnvironmentKey() {
        let json = """
            {"service": "a", "provider": {"name": "aws", "runtime": "provided.al2", "environment": {"Y": {"Ref": "AWS::Region"}}},
             "functions": {"worker": {"handler": "H"}}}
            """
        #expect(failure(json) == .unknownQueueReference(file: "serverless.json", key: "provider.environment.Y", logicalID: "AWS::Region"))
    }

    @Test("a function without a runtime, with none in provider, is an error naming the key and the allowed runtimes")
    func missingRuntime() {
        let json = #"{"service": "a", "provider": {"name": "aws"}, "functions": {"worker": {"handler": "H"}}}"#
        #expect(failure(json)?.description == "MissingRuntime: serverless.json: functions.worker.runtime is not set, nor is provider.runtime; "
            + "allowed: provided.*, python3.* (the Serverless Framework's Node.js default does not run here)")
    }
}
