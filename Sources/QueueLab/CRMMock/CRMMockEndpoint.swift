import CRMMock

/// What the runtime reports once the mock CRMs and Quo listen.
public struct CRMMockEndpoint: Sendable {
    /// `http://<host>:<port>` (the bound port when 0 was asked for); functions get it as
    /// `CRM_MOCK_URL`.
    public let url: String
    /// The running mock, for use in-process: its counters, its Quo, its settings, firing webhooks.
    public let server: CRMMockServer
}
