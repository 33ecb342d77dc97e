import StrictJSON

/// One entry of a function's `events`: an `sqs` event, an `httpApi` event in its object form, or
/// another kind kept as written.
public enum FunctionEvent: Equatable, Sendable {
    case sqs(SQSEvent)
    case httpApi(HTTPAPIEvent)
    case other(JSONValue)

    private enum Kind: String, CodingKey {
        case sqs
        case httpApi
    }
}

extension FunctionEvent: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        if container.contains(.sqs) {
            self = .sqs(try container.decode(SQSEvent.self, forKey: .sqs))
        } else if let httpApi = try? container.decode(HTTPAPIEvent.self, forKey: .httpApi) {
            self = .httpApi(httpApi)
        } else {
            self = .other(try JSONValue(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .sqs(let event):
            var container = encoder.container(keyedBy: Kind.self)
            try container.encode(event, forKey: .sqs)
        case .httpApi(let event):
            var container = encoder.container(keyedBy: Kind.self)
            try container.encode(event, forKey: .httpApi)
        case .other(let value):
            try value.encode(to: encoder)
        }
    }
}
