/// The `resources` section: raw CloudFormation merged into the stack.
public struct ServerlessResources: Codable, Equatable, Sendable {
    public var resources: [String: CloudFormationResource]
    public var outputs: [String: CloudFormationOutput]?

    public init(resources: [String: CloudFormationResource], outputs: [String: CloudFormationOutput]? = nil) {
        self.resources = resources
        self.outputs = outputs
    }

    private enum CodingKeys: String, CodingKey {
        case resources = "Resources"
        case outputs = "Outputs"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        resources = try container.decodeIfPresent([String: CloudFormationResource].self, forKey: .resources) ?? [:]
        outputs = try container.decodeIfPresent([String: CloudFormationOutput].self, forKey: .outputs)
    }

    /// The SQS queues, by logical ID.
    public var queues: [String: SQSQueueProperties] {
        resources.compactMapValues { resource in
            if case .queue(let properties) = resource { properties } else { nil }
        }
    }
}
