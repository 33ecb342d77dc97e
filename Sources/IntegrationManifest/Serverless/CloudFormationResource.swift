import StrictJSON

/// An entry of `resources.Resources`: an SQS queue, or any other resource kept as written.
public enum CloudFormationResource: Equatable, Sendable {
    case queue(SQSQueueProperties)
    case other(JSONValue)

    public static let queueType = "AWS::SQS::Queue"

    private enum CodingKeys: String, CodingKey {
        case type = "Type"
        case properties = "Properties"
    }
}

extension CloudFormationResource: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decodeIfPresent(String.self, forKey: .type) == Self.queueType {
            self = .queue(try container.decodeIfPresent(SQSQueueProperties.self, forKey: .properties) ?? SQSQueueProperties())
        } else {
            self = .other(try JSONValue(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .queue(let properties):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Self.queueType, forKey: .type)
            try container.encode(properties, forKey: .properties)
        case .other(let value):
            try value.encode(to: encoder)
        }
    }
}
