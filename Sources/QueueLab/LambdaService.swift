import EventSourceMapping
import Foundation
import FunctionHost
import Logging
import Observability
import Primitives
import QueueStore
import ServiceLifecycle

/// The function host with its Lambda Invoke API, its event source mappings and, when the manifest
/// has `httpApi` or `http` events, its HTTP API gateway, as one member of the runtime's ServiceGroup.
///
/// All of them start only once the SQS endpoint (and the mock CRMs, when they run) listen: the host
/// fixes the handlers' environment when it is created, and it holds their URLs
/// (`AWS_ENDPOINT_URL_SQS` and every `Ref` to a queue, `CRM_MOCK_URL`), which with port 0 only the
/// bound ports tell. So this service awaits the URLs the servers report; then it binds the gateway,
/// whose URL (`API_URL`) goes into the environment too, creates the host and runs it, the Invoke
/// API and the mappings in child task groups. Listed last in the group, it is the first to be shut
/// down: the Invoke API, the gateway and the mappings stop taking work and finish what they hold
/// while the host still runs; then the host stops its handlers, before the endpoints they talk to.
struct LambdaService: Service {
    let configuration: RuntimeConfiguration
    let manifest: ManifestDeployment.Deployed?
    let store: QueueStore
    /// Yields the SQS endpoint's URL once it listens.
    let sqsEndpoint: AsyncStream<String>
    /// Yields the mock CRMs' URL once they listen; `nil` when they do not run.
    let crmMockEndpoint: AsyncStream<String>?
    /// Receives the host once it exists, for the runtime monitor.
    let host: OneShot<FunctionHost>
    let onListening: @Sendable (LambdaEndpoint) async -> Void
    let onHTTPListening: @Sendable (HTTPAPIEndpoint) async -> Void
    let logger: Logger

    func run() async throws {
        // A shutdown before the servers listen (or a failure to bind) ends the waits with nil.
        guard let sqsEndpoint = await sqsEndpoint.cancelOnGracefulShutdown().first(where: { _ in true }) else { return }
        var sharedEnvironment = ["SYNC_STATE_DIR": configuration.syncStateDirectory]
        if let crmMockEndpoint {
            guard let url = await crmMockEndpoint.cancelOnGracefulShutdown().first(where: { _ in true }) else { return }
            sharedEnvironment["CRM_MOCK_URL"] = url
        }
        try FileManager.default.createDirectory(atPath: configuration.syncStateDirectory, withIntermediateDirectories: true)
        let configurations = manifest?.configurations(sqsEndpoint: sqsEndpoint) ?? []
        let recorder = InvocationRecorder(store: store, logger: logger)
        let routes = manifest?.plan.httpRoutes.map(\.route) ?? []
        // The gateway's requests wait for the host; nil answers them if it is never created.
        let gatewayHost = OneShot<FunctionHost?>()
        let gateway = routes.isEmpty
            ? nil : HTTPGateway(host: gatewayHost, routes: routes, address: configuration.host, port: configuration.httpPort, logger: logger)
        var created: FunctionHost?
        try await withThrowingDiscardingTaskGroup { hosts in
            defer { created?.shutDown() }
            try await withThrowingDiscardingTaskGroup { callers in
                var httpEndpoint: HTTPAPIEndpoint?
                if let gateway {
                    callers.addTask { try await gateway.run() }
                    // nil: the gateway stopped before listening (no request waits); its error, if any,
                    // ends the group.
                    guard let httpPort = await gateway.waitUntilListening() else { return }
                    httpEndpoint = HTTPAPIEndpoint(url: "http://\(configuration.host):\(httpPort)", routes: routes)
                    sharedEnvironment["API_URL"] = httpEndpoint?.url
                }
                let host: FunctionHost
                do throws(FunctionHostError) {
                    host = try FunctionHost(
                        functions: configurations,
                        configuration: hostConfiguration(sqsEndpoint: sqsEndpoint, sharedEnvironment: sharedEnvironment, recorder: recorder))
                } catch {
                    gatewayHost.fulfil(nil)
                    throw rejected(error)
                }
                created = host
                self.host.fulfil(host)
                gatewayHost.fulfil(host)
                hosts.addTask { try await host.run() }
                let api = InvokeAPIServer(host: host, address: configuration.host, port: configuration.lambdaPort, logger: logger)
                callers.addTask { try await api.run() }
                // nil: the API stopped before listening; its error, if any, ends the group.
                guard let port = await api.waitUntilListening() else { return }
                // A shutdown while provisioned environments initialise stops them at once, rather
                // than after their init limit (up to 15 minutes).
                let readiness = await withGracefulShutdownHandler {
                    do throws(FunctionHostError) {
                        try await host.waitUntilReady()
                        return Result<Void, FunctionHostError>.success(())
                    } catch {
                        return .failure(error)
                    }
                } onGracefulShutdown: {
                    host.shutDown()
                }
                switch readiness {
                case .success: break
                case .failure(.stopped): return
                case .failure(let error): throw rejected(error)
                }
                let eventSources = EventSourceMappingService(
                    mappings: manifest?.mappings ?? [], store: store, host: host, settings: configuration.mappingSettings, logger: logger)
                callers.addTask { try await eventSources.run() }
                await onListening(LambdaEndpoint(url: "http://\(configuration.host):\(port)", functions: configurations))
                if let httpEndpoint { await onHTTPListening(httpEndpoint) }
            }
        }
    }

    /// The host's error, named after the manifest when there is one.
    private func rejected(_ error: FunctionHostError) -> any Error {
        guard let manifest else { return error }
        return ManifestLoadError.functionRejected(file: manifest.plan.file, error)
    }

    private func hostConfiguration(
        sqsEndpoint: String, sharedEnvironment: [String: String], recorder: InvocationRecorder
    ) -> FunctionHostConfiguration {
        FunctionHostConfiguration(
            stateDirectory: configuration.stateDirectory, sqsEndpointURL: sqsEndpoint, sharedEnvironment: sharedEnvironment,
            pythonExecutable: configuration.pythonExecutable,
            executableSearchPaths: configuration.executableSearchPaths, region: configuration.region,
            accountID: configuration.accountId,
            echoSink: configuration.echoLogs ? TerminalConsole.standardOutput.echoSink : nil,
            asyncRetryTimings: configuration.asyncRetryTimings,
            invocationObserver: { await recorder.record($0) }, asyncFailureSink: { try await recorder.send($0) })
    }
}
