/// One IAM policy statement. `Action` and `Resource` may be written as a single value or a list.
public struct IAMStatement: Codable, Equatable, Sendable {
    public var effect: String
    public var actions: [String]
    public var resources: [CloudFormationValue]

    public init(effect: String = "Allow", actions: [String], resources: [CloudFormationValue]) {
        self.effect = effect
        self.actions = actions
        self.resources = resources
    }

    private enum CodingKeys: String, CodingKey {
        case effect = "Effect"
        case actions = "Action"
        case resources = "Resource"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        effect = try container.decode(String.self, forKey: .effect)
        if let action = try? container.decode(String.self, forKey: .actions) {
            actions = [action]
        } else {
            actions = try container.decode([String].self, forKey: .actions)
        }
        if let resourceList = try? container.decode([CloudFormationValue].self, forKey: .resources) {
            resources = resourceList
        } else {
            resources = [try container.decode(CloudFormationValue.self, forKey: .resources)]
        }
    }
}
