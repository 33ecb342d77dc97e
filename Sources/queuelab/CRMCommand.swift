import ArgumentParser
import QueueLab

struct CRMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "Act on the mock CRMs of a running `queuelab start`.",
        subcommands: [CRMWebhookCommand.self])
}

struct CRMWebhookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Modify a person in a mock CRM and send its webhook notification to every webhook registered for person updates.",
        discussion: "AxisCare has no webhooks: its person is only modified, for polling with modified_since to find.")

    @Argument(help: "The integration (pipedrive, attio, axiscare, zoho-crm, scaling-test).")
    var integration: String

    @Option(help: "The person's id in the CRM (e.g. 12 in Pipedrive, mock_12 in ScalingTest).")
    var person: String

    @Option(name: .customLong("crm-url"), help: "Where the mock CRMs listen.")
    var crmURL = CRMMockClient.defaultURL

    func run() throws {
        let deliveries = try CRMMockClient(url: crmURL).fireWebhook(integration: integration, personId: person)
        if deliveries.isEmpty { print("\(integration) person \(person) modified; no webhook is registered for it") }
        for delivery in deliveries {
            switch delivery.outcome {
            case .answered(let status): print("delivered to \(delivery.url): \(status)")
            case .failed(let reason): print("not delivered to \(delivery.url): \(reason)")
            }
        }
    }
}
