import Testing

@testable import IntegrationManifest

struct IntegrationNameRulesTests {
    private let valid = "{ \(Definitions.personObjectTypes) }"

    @Test func derivesEveryIdentifierFromTheName() {
        let names = IntegrationNames(integration: "zoho-crm")
        #expect(names.pascalCase == "ZohoCrm")
        #expect(names.functionName == "zohoCrmQueueWorker")
        #expect(names.queueLogicalID == "ZohoCrmQueue")
        #expect(names.deadLetterQueueLogicalID == "ZohoCrmDLQ")
        #expect(names.queueName == "zoho-crm-queue")
        #expect(names.deadLetterQueueName == "zoho-crm-dlq")
        #expect(names.queueURLVariable == "ZOHO_CRM_QUEUE_URL")
    }

    @Test(arguments: ["Zoho CRM", "1password", "-crm", "crm.sync", "crm/sync"])
    func rejectsNamesThatCannotBecomeQueueNames(name: String) {
        #expect(Definitions.messages(valid, name: name) == [
            "functions/\(name)/integration.json: integration name \"\(name)\" is invalid; use letters, digits, hyphens and underscores, starting with a letter, because it becomes SQS queue names and CloudFormation logical IDs"
        ])
    }

    @Test func countsTheQueueSuffixInTheEightyCharacterLimit() {
        let longest = String(repeating: "a", count: 74)
        #expect(Definitions.messages(valid, name: longest).isEmpty)
        let tooLong = longest + "b"
        #expect(Definitions.messages(valid, name: tooLong) == [
            "functions/\(tooLong)/integration.json: integration name \"\(tooLong)\" is too long: its queue name \"\(tooLong)-queue\" has 81 characters and SQS allows at most 80"
        ])
    }

    @Test func rejectsNamesThatCollideOnceConverted() {
        let report = DefinitionValidator().validate(["zoho-crm", "zoho_crm", "Zoho-Crm"].map { name in
            DefinitionSource(name: name, file: "functions/\(name)/integration.json", bytes: Array(valid.utf8))
        })
        #expect(report.errors.map(\.description) == [
            #"functions/zoho_crm/integration.json: integration name "zoho_crm" collides with "zoho-crm" (functions/zoho-crm/integration.json): both become ZohoCrmQueue and ZOHO_CRM_QUEUE_URL"#,
            #"functions/Zoho-Crm/integration.json: integration name "Zoho-Crm" collides with "zoho-crm" (functions/zoho-crm/integration.json): both become ZohoCrmQueue and ZOHO_CRM_QUEUE_URL"#,
        ])
    }
}
