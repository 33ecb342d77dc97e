import FunctionHost

/// A function of the manifest, settled: values, provider defaults and the merged environment.
public struct FunctionDeclaration: Sendable, Equatable {
    /// Where it is declared: `functions.<name>` or `resources.Resources.<LogicalId>` / `Resources.<LogicalId>`.
    public let key: String
    /// Everything but the environment, which `configuration(sqsEndpoint:)` completes.
    public let settings: FunctionConfiguration
    /// Its environment; values holding a queue's URL depend on the SQS endpoint.
    public let environment: [String: EndpointString]

    public var name: String { settings.name }

    /// The function host's configuration, with queue URLs on `sqsEndpoint` (`http://<host>:<port>`).
    public func configuration(sqsEndpoint: String) -> FunctionConfiguration {
        var configuration = settings
        configuration.environment = environment.mapValues { $0.rendered(sqsEndpoint: sqsEndpoint) }
        return configuration
    }
}
