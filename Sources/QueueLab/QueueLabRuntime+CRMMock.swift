import CRMMock
import Primitives

extension QueueLabRuntime {
    /// The mock CRMs and Quo on the runtime's address, and a stream that yields their URL once
    /// they listen (for the functions' `CRM_MOCK_URL`), after `onListening` has received it.
    func crmMockService(
        _ mock: CRMMockConfiguration, onListening: @escaping @Sendable (CRMMockEndpoint) async -> Void
    ) throws(CRMMockError) -> (server: CRMMockServer, endpoint: AsyncStream<String>) {
        let host = configuration.host
        let (endpoint, continuation) = AsyncStream.makeStream(of: String.self)
        // The server reports its port to a closure given when it is made, and the endpoint
        // carries the server: the closure finds it here (set long before the server runs).
        let made = OneShot<CRMMockServer>()
        let server = try CRMMockServer(
            configuration: .init(quoDatabasePath: configuration.quoDatabasePath, host: host, port: mock.port, settings: mock.settings),
            logger: logger,
            onListening: { port in
                let url = "http://\(host):\(port)"
                await onListening(CRMMockEndpoint(url: url, server: await made.value()))
                continuation.yield(url)
                continuation.finish()
            })
        made.fulfil(server)
        return (server, endpoint)
    }
}
