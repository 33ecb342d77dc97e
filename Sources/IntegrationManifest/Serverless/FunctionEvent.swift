import StrictJSON

/// One entry of a function's `events`: an `sqs` event, or another kind kept as written.
public enum FunctionEvent: Equatable, Sendable {
    case sqs(SQSEvent)
    case other(JSONValue)

    private enum Kind: String, CodingKey {
        case sqs
    }
}

extension FunctionEvent: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        if container.contains(.sqs) {
            self = .sqs(try container.decode(SQSEvent.self, forKey: .sqs))
        } else {
            self = .other(try JSONValue(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .sqs(let event):
            var container = encoder.container(keyedBy: Kind.self)
            try container.encode(event, forKey: .sqs)
        case .other(let value):
            try value.encode(to: encoder)
        }
    }
}
