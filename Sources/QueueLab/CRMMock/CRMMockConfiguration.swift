import CRMMock

/// How the runtime serves the offline CRMs and Quo (`CRMMockServer`) beside the functions, which
/// find them at `CRM_MOCK_URL`. The mock Quo keeps its contacts in `<state folder>/quo.sqlite`.
public struct CRMMockConfiguration: Sendable {
    /// 4010 unless told; 0 picks a free port.
    public var port: Int
    /// Per CRM; a CRM left out gets `CRMSettings.defaults(for:)`.
    public var settings: [CRM: CRMSettings]

    public static let defaultPort = 4010

    public init(port: Int = CRMMockConfiguration.defaultPort, settings: [CRM: CRMSettings] = [:]) {
        self.port = port
        self.settings = settings
    }
}
