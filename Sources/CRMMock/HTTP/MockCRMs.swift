import Logging

/// The five mock CRMs, one for each case of `CRM`.
struct MockCRMs: Sendable {
    private let pipedrive: MockCRM
    private let attio: MockCRM
    private let axiscare: MockCRM
    private let zoho: MockCRM
    private let scalingTest: MockCRM

    /// - Parameters:
    ///   - settings: per CRM; a CRM left out gets `CRMSettings.defaults(for:)`.
    ///   - webhookClient: what every CRM sends its webhook notifications with.
    init(settings: [CRM: CRMSettings], webhookClient: WebhookClient, logger: Logger) {
        func make(_ api: any CRMAPI) -> MockCRM {
            MockCRM(
                api: api, state: CRMState(crm: api.crm, settings: settings[api.crm] ?? .defaults(for: api.crm)),
                webhookClient: webhookClient, logger: logger)
        }
        pipedrive = make(PipedriveAPI())
        attio = make(AttioAPI())
        axiscare = make(AxisCareAPI())
        zoho = make(ZohoAPI())
        scalingTest = make(ScalingTestAPI())
    }

    subscript(crm: CRM) -> MockCRM {
        switch crm {
        case .pipedrive: pipedrive
        case .attio: attio
        case .axiscare: axiscare
        case .zoho: zoho
        case .scalingTest: scalingTest
        }
    }
}
