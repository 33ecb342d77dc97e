/// A stack output, e.g. a queue's URL for callers outside the stack.
public struct CloudFormationOutput: Codable, Equatable, Sendable {
    public var description: String?
    public var value: CloudFormationValue

    public init(description: String? = nil, value: CloudFormationValue) {
        self.description = description
        self.value = value
    }

    private enum CodingKeys: String, CodingKey {
        case description = "Description"
        case value = "Value"
    }
}
