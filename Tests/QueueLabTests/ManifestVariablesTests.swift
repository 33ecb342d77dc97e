import QueueLab
import Testing

@Suite("Serverless Framework variables in a manifest")
struct ManifestVariablesTests {
    typealias Fixture = ManifestFixture

    static let custom = #"{"name": "orders", "list": ["a", "b"], "timeout": 30, "flag": true, "env": {"A": "1"}, "dev": {"url": "http://dev"}}"#

    @Test(
        "self: any key of the manifest, service and provider included, with list positions",
        arguments: [
            ("${self:service}", "app"),
            ("${self:provider.runtime}", "provided.al2023"),
            ("${self:custom.name}", "orders"),
            ("${self:custom.list.1}", "b"),
            ("${self:functions.worker.handler}", "worker"),
        ])
    func selfReferences(variable: String, expected: String) throws {
        #expect(try Fixture.environmentValue("\"\(variable)\"", custom: Self.custom) == expected)
    }

    @Test("sls:stage is the stage option, else provider.stage, else dev; opt:stage only the option")
    func stage() throws {
        let withStage = Fixture.serverless(provider: #""stage": "qa""#, worker: #""environment": {"S": "${sls:stage}"}"#)
        #expect(try Fixture.plan(withStage).functions[0].environment["S"]?.literal == "qa")
        #expect(try Fixture.plan(withStage, stage: "prod").functions[0].environment["S"]?.literal == "prod")
        #expect(try Fixture.environmentValue("\"${sls:stage}\"") == "dev")
        #expect(try Fixture.environmentValue("\"${opt:stage, 'dev'}\"", stage: "prod") == "prod")
        #expect(try Fixture.environmentValue("\"${opt:stage, 'dev'}\"") == "dev")
        #expect(Fixture.environmentFailure("\"${opt:stage}\"")
            == "UnresolvedVariable: serverless.json: functions.worker.environment.X: cannot resolve ${opt:stage}: no value for opt:stage, and no fallback")
    }

    @Test("provider.stage may itself use ${opt:stage, …}, and the stack name follows the stage")
    func providerStageFromOption() throws {
        let json = Fixture.serverless(provider: #""stage": "${opt:stage, 'dev'}""#, worker: #""environment": {"S": "${sls:stage}"}"#)
        #expect(try Fixture.plan(json).stackName == "app-dev")
        let prod = try Fixture.plan(json, stage: "prod")
        #expect(prod.stackName == "app-prod")
        #expect(prod.functions[0].environment["S"]?.literal == "prod")
    }

    @Test("opt:region and aws:region are the runtime's region, aws:accountId its account")
    func awsValues() throws {
        #expect(try Fixture.environmentValue(#""${opt:region}/${aws:region}/${aws:accountId}""#) == "eu-west-1/eu-west-1/123456789012")
        #expect(Fixture.environmentFailure(#""${aws:partition}""#)
            == "UnresolvedVariable: serverless.json: functions.worker.environment.X: cannot resolve ${aws:partition}: "
                + "'partition' is not an address of the 'aws' source; allowed: region, accountId")
    }

    @Test("env: the environment given to load, with a fallback when unset")
    func environmentVariables() throws {
        #expect(try Fixture.environmentValue(#""${env:QUEUE}""#, environment: ["QUEUE": "jobs"]) == "jobs")
        #expect(try Fixture.environmentValue(#""${env:QUEUE, 'fallback'}""#) == "fallback")
        #expect(try Fixture.environmentValue(#""${env:QUEUE, \"double quoted\"}""#) == "double quoted")
        #expect(Fixture.environmentFailure(#""${env:QUEUE}""#)
            == "UnresolvedVariable: serverless.json: functions.worker.environment.X: cannot resolve ${env:QUEUE}: no value for env:QUEUE, and no fallback")
    }

    @Test(
        "fallbacks: quoted strings, numbers, booleans, other sources and nested variables, the first with a value wins",
        arguments: [
            ("${env:A, 'one'}", "one"),
            ("${env:A, 5}", "5"),
            ("${env:A, 1.5}", "1.5"),
            ("${env:A, true}", "true"),
            ("${env:A, self:custom.name}", "orders"),
            ("${env:A, ${self:custom.name}}", "orders"),
            ("${env:A, env:B, 'last'}", "last"),
            ("${env:A, env:B, 'last'}-x", "last-x"),
        ])
    func fallbacks(variable: String, expected: String) throws {
        #expect(try Fixture.environmentValue("\"\(variable)\"", custom: Self.custom) == expected)
    }

    @Test("a variable in an address is resolved first: ${self:custom.${sls:stage}.url}")
    func nestedAddress() throws {
        #expect(try Fixture.environmentValue(#""${self:custom.${sls:stage}.url}""#, custom: Self.custom) == "http://dev")
    }

    @Test("a whole-string variable keeps the value's type; inside a longer string it is interpolated")
    func types() throws {
        let json = Fixture.serverless(
            custom: Self.custom,
            worker: #""timeout": "${self:custom.timeout}", "memorySize": "${env:MEMORY, 256}", "environment": "${self:custom.env}""#)
        let worker = try Fixture.plan(json).functions[0]
        #expect(worker.settings.timeout == 30)
        #expect(worker.settings.memorySize == 256)
        #expect(worker.environment == ["A": EndpointString("1")])
        #expect(try Fixture.environmentValue(#""t=${self:custom.timeout},f=${self:custom.flag}""#, custom: Self.custom) == "t=30,f=true")
        #expect(Fixture.environmentFailure(#""env: ${self:custom.env}""#, custom: Self.custom)
            == #"UnresolvedVariable: serverless.json: functions.worker.environment.X: cannot resolve ${self:custom.env}: it gives {"A":"1"}, which cannot be part of a string"#)
    }

    @Test(
        "an unknown source or a missing value is an error naming the key and the variable",
        arguments: [
            ("${ssm:/app/url}", "cannot resolve ${ssm:/app/url}: the 'ssm' source is not resolved locally; allowed: self, opt, sls, aws, env"),
            ("${file(./config.json):url}", "cannot resolve ${file(./config.json):url}: the 'file' source is not resolved locally; allowed: self, opt, sls, aws, env"),
            ("${self:custom.missing}", "cannot resolve ${self:custom.missing}: no value for self:custom.missing, and no fallback"),
            ("${self:custom.missing, env:NOPE}", "cannot resolve ${self:custom.missing, env:NOPE}: no value for self:custom.missing, nor for env:NOPE, and no fallback"),
            ("${sls:instanceId}", "cannot resolve ${sls:instanceId}: 'instanceId' is not an address of the 'sls' source; allowed: stage"),
            ("${self:custom.name", "${self:custom.name is not a valid variable: missing '}' after ${self:custom.name"),
        ])
    func unresolved(variable: String, expected: String) {
        let message = Fixture.environmentFailure("\"\(variable)\"", custom: Self.custom)
        #expect(message?.hasSuffix("serverless.json: functions.worker.environment.X: " + expected) == true, "\(message ?? "no error")")
    }

    @Test("a cycle through self references is an error listing the keys")
    func cycles() {
        let custom = #"{"a": "${self:custom.b}", "b": "x-${self:custom.a}"}"#
        #expect(Fixture.environmentFailure(#""${self:custom.a}""#, custom: custom)
            == "CircularReference: serverless.json: custom.a: circular reference: custom.a → custom.b → custom.a")
        #expect(Fixture.environmentFailure(#""${self:functions.worker.environment}""#)
            == "CircularReference: serverless.json: functions.worker.environment.X: circular reference: "
                + "functions.worker.environment.X → functions.worker.environment.X")
    }

    @Test("variables in parts QueueLab does not use are not resolved, and CloudFormation's ${…} is not a variable")
    func unusedParts() throws {
        let json = Fixture.serverless(
            provider: #""iam": {"role": "${ssm:/roles/worker}"}"#,
            worker: #""events": [{"schedule": {"rate": "${ssm:/rate}"}}], "environment": {"X": {"Fn::Sub": "${AWS::Region}-${!Literal}"}}"#,
            resources: #"{"Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "${cf:other.Role}"}}}"#)
        #expect(try Fixture.plan(json).functions[0].environment["X"]?.literal == "eu-west-1-${Literal}")
    }
}
