/// `provider.iam.role.statements`: permissions added to the role every function shares.
public struct ProviderIAM: Codable, Equatable, Sendable {
    public var role: Role

    public init(statements: [IAMStatement]) {
        self.role = Role(statements: statements)
    }

    public struct Role: Codable, Equatable, Sendable {
        public var statements: [IAMStatement]
    }
}
