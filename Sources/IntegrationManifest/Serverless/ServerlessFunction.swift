/// One entry of `functions`; unset values fall back to `provider`'s.
public struct ServerlessFunction: Codable, Equatable, Sendable {
    public var handler: String
    public var runtime: String?
    /// Seconds.
    public var timeout: Int?
    /// MB.
    public var memorySize: Int?
    public var reservedConcurrency: Int?
    public var provisionedConcurrency: Int?
    public var environment: [String: CloudFormationValue]?
    /// The deployment package: `artifact`, a zip `queuelab package` writes.
    public var package: FunctionPackage?
    public var events: [FunctionEvent]

    public init(
        handler: String,
        runtime: String? = nil,
        timeout: Int? = nil,
        memorySize: Int? = nil,
        reservedConcurrency: Int? = nil,
        provisionedConcurrency: Int? = nil,
        environment: [String: CloudFormationValue]? = nil,
        package: FunctionPackage? = nil,
        events: [FunctionEvent] = []
    ) {
        self.handler = handler
        self.runtime = runtime
        self.timeout = timeout
        self.memorySize = memorySize
        self.reservedConcurrency = reservedConcurrency
        self.provisionedConcurrency = provisionedConcurrency
        self.environment = environment
        self.package = package
        self.events = events
    }

    private enum CodingKeys: String, CodingKey {
        case handler, runtime, timeout, memorySize, reservedConcurrency, provisionedConcurrency, environment, package, events
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        handler = try container.decode(String.self, forKey: .handler)
        runtime = try container.decodeIfPresent(String.self, forKey: .runtime)
        timeout = try container.decodeIfPresent(Int.self, forKey: .timeout)
        memorySize = try container.decodeIfPresent(Int.self, forKey: .memorySize)
        reservedConcurrency = try container.decodeIfPresent(Int.self, forKey: .reservedConcurrency)
        provisionedConcurrency = try container.decodeIfPresent(Int.self, forKey: .provisionedConcurrency)
        environment = try container.decodeIfPresent([String: CloudFormationValue].self, forKey: .environment)
        package = try container.decodeIfPresent(FunctionPackage.self, forKey: .package)
        events = try container.decodeIfPresent([FunctionEvent].self, forKey: .events) ?? []
    }

    /// The `httpApi` events in their object form.
    public var httpAPIEvents: [HTTPAPIEvent] {
        events.compactMap { event in
            if case .httpApi(let httpApi) = event { httpApi } else { nil }
        }
    }

    /// The `sqs` events.
    public var sqsEvents: [SQSEvent] {
        events.compactMap { event in
            if case .sqs(let sqs) = event { sqs } else { nil }
        }
    }
}
