import StrictJSON

/// A CloudFormation value that may be an intrinsic function: a literal string, `{"Ref": X}` or
/// `{"Fn::GetAtt": [X, Attribute]}`. Anything else is kept as written.
public enum CloudFormationValue: Hashable, Sendable {
    case string(String)
    case ref(String)
    case getAtt(logicalID: String, attribute: String)
    /// Another intrinsic (`Fn::Sub`, `Fn::ImportValue`, …) or literal, preserved for round trips.
    case other(JSONValue)

    public static func arn(of logicalID: String) -> CloudFormationValue {
        .getAtt(logicalID: logicalID, attribute: "Arn")
    }

    private enum IntrinsicKey: String, CodingKey {
        case ref = "Ref"
        case getAtt = "Fn::GetAtt"
    }
}

extension CloudFormationValue: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        switch value {
        case .string(let text):
            self = .string(text)
        case .object(let members) where members.count == 1:
            switch (members[IntrinsicKey.ref.rawValue], members[IntrinsicKey.getAtt.rawValue]) {
            case (.string(let logicalID)?, nil):
                self = .ref(logicalID)
            case (nil, .array(let parts)?) where parts.count == 2:
                guard case .string(let logicalID) = parts[0], case .string(let attribute) = parts[1] else {
                    self = .other(value)
                    return
                }
                self = .getAtt(logicalID: logicalID, attribute: attribute)
            case (nil, .string(let dotted)?) where dotted.contains("."):
                // The short form `"X.Arn"` that CloudFormation also accepts.
                let parts = dotted.split(separator: ".", maxSplits: 1)
                self = .getAtt(logicalID: String(parts[0]), attribute: String(parts[1]))
            default:
                self = .other(value)
            }
        default:
            self = .other(value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .ref(let logicalID):
            var container = encoder.container(keyedBy: IntrinsicKey.self)
            try container.encode(logicalID, forKey: .ref)
        case .getAtt(let logicalID, let attribute):
            var container = encoder.container(keyedBy: IntrinsicKey.self)
            try container.encode([logicalID, attribute], forKey: .getAtt)
        case .other(let value):
            try value.encode(to: encoder)
        }
    }
}
