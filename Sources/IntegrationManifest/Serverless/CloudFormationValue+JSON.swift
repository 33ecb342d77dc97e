import StrictJSON

extension CloudFormationValue {
    /// The value as it appears in a template.
    var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .ref(let logicalID): ["Ref": .string(logicalID)]
        case .getAtt(let logicalID, let attribute): ["Fn::GetAtt": [.string(logicalID), .string(attribute)]]
        case .other(let value): value
        }
    }
}
