import FunctionHost
import Logging
import ServiceLifecycle

/// The function host and its Lambda Invoke API, as one member of the runtime's ServiceGroup.
///
/// Both start only once the SQS endpoint listens: handlers get its URL (`AWS_ENDPOINT_URL_SQS`,
/// and every `Ref` to a queue), the host fixes their environment when it is created, and with
/// `--sqs-port 0` only the bound port tells the URL. So this service awaits the URL the SQS
/// server reports, then creates the host and runs it and the Invoke API in a child task group.
/// The children inherit the group's graceful shutdown and cancellation, so there is still one
/// lifecycle; listed last in the group, this service is also the first to be shut down, and the
/// handlers stop before the endpoint they talk to.
struct LambdaService: Service {
    let configuration: RuntimeConfiguration
    let manifest: ManifestPlan?
    /// Yields the SQS endpoint's URL once it listens.
    let sqsEndpoint: AsyncStream<String>
    let onListening: @Sendable (LambdaEndpoint) async -> Void
    let logger: Logger

    func run() async throws {
        // A shutdown before the SQS endpoint listens (or its failure to bind) ends the wait with nil.
        guard let sqsEndpoint = await sqsEndpoint.cancelOnGracefulShutdown().first(where: { _ in true }) else { return }
        let configurations = manifest?.configurations(sqsEndpoint: sqsEndpoint) ?? []
        let host: FunctionHost
        do {
            host = try FunctionHost(functions: configurations, configuration: hostConfiguration(sqsEndpoint: sqsEndpoint))
        } catch {
            throw rejected(error)
        }
        let api = InvokeAPIServer(host: host, address: configuration.host, port: configuration.lambdaPort, logger: logger)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await host.run() }
            group.addTask { try await api.run() }
            // nil: the API stopped before listening; its error, if any, ends the group.
            guard let port = await api.waitUntilListening() else { return }
            do throws(FunctionHostError) {
                try await host.waitUntilReady()
            } catch .stopped {
                return
            } catch {
                throw rejected(error)
            }
            await onListening(LambdaEndpoint(url: "http://\(configuration.host):\(port)", functions: configurations))
        }
    }

    /// The host's error, named after the manifest when there is one.
    private func rejected(_ error: FunctionHostError) -> any Error {
        guard let manifest else { return error }
        return ManifestLoadError.functionRejected(file: manifest.file, error)
    }

    private func hostConfiguration(sqsEndpoint: String) -> FunctionHostConfiguration {
        FunctionHostConfiguration(
            stateDirectory: configuration.stateDirectory, sqsEndpointURL: sqsEndpoint,
            pythonExecutable: configuration.pythonExecutable,
            executableSearchPaths: configuration.executableSearchPaths, region: configuration.region,
            accountID: configuration.accountId)
    }
}
