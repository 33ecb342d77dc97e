/// The integrations a worker can serve, by the name it is given in `INTEGRATION_NAME`.
public enum IntegrationCatalog {
    public static let integrationTypes: [any CRMIntegration.Type] = [
        PipedriveIntegration.self, ZohoCRMIntegration.self, AttioIntegration.self, AxisCareIntegration.self,
        ScalingTestIntegration.self,
    ]

    /// The integration named `name` (a folder under `functions/`), talking to the CRM through `client`.
    public static func integration(named name: String, client: any CRMClient) throws(CRMIntegrationError) -> any CRMIntegration {
        try integrationType(named: name).init(client: client)
    }

    public static func integrationType(named name: String) throws(CRMIntegrationError) -> any CRMIntegration.Type {
        guard let type = integrationTypes.first(where: { $0.name == name }) else {
            let known = integrationTypes.map { $0.name }.joined(separator: ", ")
            throw CRMIntegrationError(.unknownIntegration, "no integration named \"\(name)\"; known: \(known)")
        }
        return type
    }
}
