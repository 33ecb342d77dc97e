import Testing

@testable import IntegrationManifest

struct DefinitionDecoderTests {
    private let file = "functions/pipedrive/integration.json"

    @Test func appliesTheDocumentedDefaults() throws {
        let definition = try #require(Definitions.validate("{ \(Definitions.personObjectTypes) }").definitions.first)
        #expect(definition.queueConfig == QueueConfig(
            maxWorkers: 5, provisioned: nil, maxConcurrency: nil, batchSize: 1, timeout: 600,
            maximumBatchingWindow: nil, visibilityTimeout: nil, maxReceiveCount: 5,
            messageRetentionPeriod: 345_600, memorySize: 1024))
        #expect(definition.queueConfig.effectiveVisibilityTimeout == 3600)
        #expect(definition.syncConfig == SyncConfig(
            reverseChronological: true, initialBatchSize: 100, ongoingBatchSize: 50, supportsWebhooks: false, pollIntervalMinutes: 60))
        #expect(definition.runtime == "provided.al2023")
        #expect(definition.handler == "crm-sync")
        #expect(definition.personObjectTypes == [PersonObjectType(crmObjectName: "Person", quoContactType: "contact")])
    }

    @Test func suggestsTheKeyANearMissWasMeantToBe() {
        #expect(Definitions.messages(Definitions.withQueueConfig(#""maxWorker": 25"#)) == [
            #"functions/pipedrive/integration.json: queueConfig.maxWorker: unknown key; did you mean "maxWorkers"?"#
        ])
    }

    @Test func listsTheAllowedKeysWhenNothingIsClose() {
        #expect(Definitions.messages("{ \(Definitions.personObjectTypes), \"speed\": 1 }") == [
            "functions/pipedrive/integration.json: speed: unknown key; allowed: personObjectTypes, syncConfig, queueConfig, runtime, handler"
        ])
    }

    @Test(arguments: [
        (Definitions.withQueueConfig(#""maxWorkers": "25""#), #"queueConfig.maxWorkers: expected an integer, found string "25""#),
        (Definitions.withQueueConfig(#""batchSize": 1.5"#), "queueConfig.batchSize: expected an integer, found number 1.5"),
        (Definitions.withQueueConfig(#""timeout": null"#), "queueConfig.timeout: expected an integer, found null"),
        ("{ \(Definitions.personObjectTypes), \"queueConfig\": [] }", "queueConfig: expected an object, found an array"),
        ("{ \(Definitions.personObjectTypes), \"syncConfig\": { \"supportsWebhooks\": \"yes\" } }",
            #"syncConfig.supportsWebhooks: expected true or false, found string "yes""#),
        (#"{ "personObjectTypes": { "crmObjectName": "Person" } }"#, "personObjectTypes: expected an array of objects, found an object"),
        (#"{ "personObjectTypes": ["Person"] }"#, #"personObjectTypes[0]: expected an object, found string "Person""#),
        ("{ \(Definitions.personObjectTypes), \"handler\": 7 }", "handler: expected a string, found integer 7"),
    ])
    func reportsWrongTypes(text: String, expected: String) {
        #expect(Definitions.messages(text) == ["\(file): \(expected)"])
    }

    @Test func reportsATopLevelThatIsNotAnObject() {
        #expect(Definitions.messages("[]") == ["\(file): expected an object, found an array"])
    }

    @Test(arguments: [
        ("maxWorkers", -1, "0 to 1000"), ("maxWorkers", 1001, "0 to 1000"),
        ("provisioned", 1001, "0 to 1000"),
        ("maxConcurrency", 1, "2 to 1000"), ("maxConcurrency", 1001, "2 to 1000"),
        ("batchSize", 0, "1 to 10000"), ("batchSize", 10001, "1 to 10000"),
        ("timeout", 0, "1 to 900"), ("timeout", 901, "1 to 900"),
        ("maximumBatchingWindow", 301, "0 to 300"),
        ("visibilityTimeout", 43201, "0 to 43200"),
        ("maxReceiveCount", 0, "1 to 1000"), ("maxReceiveCount", 1001, "1 to 1000"),
        ("messageRetentionPeriod", 59, "60 to 1209600"), ("messageRetentionPeriod", 1_209_601, "60 to 1209600"),
        ("memorySize", 127, "128 to 10240"), ("memorySize", 10241, "128 to 10240"),
    ])
    func reportsQueueConfigValuesOutOfRange(key: String, value: Int, allowed: String) {
        #expect(Definitions.messages(Definitions.withQueueConfig("\"\(key)\": \(value)")) == [
            "\(file): queueConfig.\(key): \(value) is out of range; allowed \(allowed)"
        ])
    }

    @Test(arguments: [
        ("initialBatchSize", 0, "1 to 1000"), ("ongoingBatchSize", 1001, "1 to 1000"), ("pollIntervalMinutes", 1441, "1 to 1440"),
    ])
    func reportsSyncConfigValuesOutOfRange(key: String, value: Int, allowed: String) {
        let text = "{ \(Definitions.personObjectTypes), \"syncConfig\": { \"\(key)\": \(value) } }"
        #expect(Definitions.messages(text) == ["\(file): syncConfig.\(key): \(value) is out of range; allowed \(allowed)"])
    }

    @Test func reportsMissingRequiredKeys() {
        #expect(Definitions.messages("{}") == [
            "\(file): personObjectTypes: required key is missing; expected a non-empty array of objects"
        ])
        #expect(Definitions.messages(#"{ "personObjectTypes": [{ "quoContactType": "contact" }] }"#) == [
            "\(file): personObjectTypes[0].crmObjectName: required key is missing; expected a non-empty string"
        ])
    }

    @Test func reportsEmptyValues() {
        #expect(Definitions.messages(#"{ "personObjectTypes": [] }"#) == ["\(file): personObjectTypes: must list at least one object type"])
        #expect(Definitions.messages("{ \(Definitions.personObjectTypes), \"handler\": \"\" }") == ["\(file): handler: must not be empty"])
    }

    @Test func reportsAnUnsupportedRuntime() {
        #expect(Definitions.messages("{ \(Definitions.personObjectTypes), \"runtime\": \"nodejs8.10\" }") == [
            #"functions/pipedrive/integration.json: runtime: "nodejs8.10" is not a supported Lambda runtime; allowed: provided.al2023, provided.al2, python3.13, python3.12, python3.11, python3.10, python3.9, nodejs22.x, nodejs20.x, nodejs18.x, java21, java17, java11, java8.al2, dotnet8, ruby3.3, ruby3.2"#
        ])
    }

    @Test func reportsMalformedJSONWithLineAndColumn() {
        let text = """
            {
              "queueConfig": {
                "maxWorkers": 25
                "provisioned": 10
              }
            }
            """
        #expect(Definitions.messages(text) == [
            #"functions/pipedrive/integration.json: malformed JSON at line 4, column 5: unexpected '"'; expected ',' or '}' after the value of "maxWorkers""#
        ])
    }

    @Test func reportsEveryErrorOfAFileAtOnce() {
        let text = #"{ "personObjectTypes": [], "queueConfig": { "maxWorker": 2, "timeout": 0 }, "runtime": 3 }"#
        #expect(Definitions.messages(text) == [
            "\(file): personObjectTypes: must list at least one object type",
            #"functions/pipedrive/integration.json: queueConfig.maxWorker: unknown key; did you mean "maxWorkers"?"#,
            "\(file): queueConfig.timeout: 0 is out of range; allowed 1 to 900",
            "\(file): runtime: expected a string, found integer 3",
        ])
        #expect(Definitions.validate(text).definitions.isEmpty)
    }
}
