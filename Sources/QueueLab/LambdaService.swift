import EventSourceMapping
import FunctionHost
import Logging
import Observability
import Primitives
import QueueStore
import ServiceLifecycle

/// The function host with its Lambda Invoke API, its event source mappings and, when the manifest
/// has `httpApi` or `http` events, its HTTP API gateway, as one member of the runtime's ServiceGroup.
///
/// All of them start only once the SQS endpoint listens: handlers get its URL (`AWS_ENDPOINT_URL_SQS`,
/// and every `Ref` to a queue), the host fixes their environment when it is created, and with
/// `--sqs-port 0` only the bound port tells the URL. So this service awaits the URL the SQS server
/// reports, then creates the host and runs it, the Invoke API and the mappings in a child task group.
/// Listed last in the group, it is the first to be shut down: the Invoke API, the gateway and the
/// mappings stop taking work and finish what they hold while the host still runs; then the host
/// stops its handlers, before the endpoint they talk to.
struct LambdaService: Service {
    let configuration: RuntimeConfiguration
    let manifest: ManifestDeployment.Deployed?
    let store: QueueStore
    /// Yields the SQS endpoint's URL once it listens.
    let sqsEndpoint: AsyncStream<String>
    /// Receives the host once it exists, for the runtime monitor.
    let host: OneShot<FunctionHost>
    let onListening: @Sendable (LambdaEndpoint) async -> Void
    let onHTTPListening: @Sendable (HTTPAPIEndpoint) async -> Void
    let logger: Logger

    func run() async throws {
        // A shutdown before the SQS endpoint listens (or its failure to bind) ends the wait with nil.
        guard let sqsEndpoint = await sqsEndpoint.cancelOnGracefulShutdown().first(where: { _ in true }) else { return }
        let configurations = manifest?.configurations(sqsEndpoint: sqsEndpoint) ?? []
        let recorder = InvocationRecorder(store: store, logger: logger)
        let host: FunctionHost
        do {
            host = try FunctionHost(
                functions: configurations, configuration: hostConfiguration(sqsEndpoint: sqsEndpoint, recorder: recorder))
        } catch {
            throw rejected(error)
        }
        self.host.fulfil(host)
        let api = InvokeAPIServer(host: host, address: configuration.host, port: configuration.lambdaPort, logger: logger)
        let eventSources = EventSourceMappingService(
            mappings: manifest?.mappings ?? [], store: store, host: host, settings: configuration.mappingSettings, logger: logger)
        let routes = manifest?.plan.httpRoutes.map(\.route) ?? []
        let gateway = routes.isEmpty
            ? nil : HTTPGateway(host: host, routes: routes, address: configuration.host, port: configuration.httpPort, logger: logger)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await host.run() }
            defer { host.shutDown() }
            try await withThrowingDiscardingTaskGroup { callers in
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
                callers.addTask { try await eventSources.run() }
                var httpEndpoint: HTTPAPIEndpoint?
                if let gateway {
                    callers.addTask { try await gateway.run() }
                    guard let httpPort = await gateway.waitUntilListening() else { return }
                    httpEndpoint = HTTPAPIEndpoint(url: "http://\(configuration.host):\(httpPort)", routes: routes)
                }
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

    private func hostConfiguration(sqsEndpoint: String, recorder: InvocationRecorder) -> FunctionHostConfiguration {
        FunctionHostConfiguration(
            stateDirectory: configuration.stateDirectory, sqsEndpointURL: sqsEndpoint,
            pythonExecutable: configuration.pythonExecutable,
            executableSearchPaths: configuration.executableSearchPaths, region: configuration.region,
            accountID: configuration.accountId,
            echoSink: configuration.echoLogs ? TerminalConsole.standardOutput.echoSink : nil,
            asyncRetryTimings: configuration.asyncRetryTimings,
            invocationObserver: { await recorder.record($0) }, asyncFailureSink: { try await recorder.send($0) })
    }
}
