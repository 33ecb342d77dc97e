/// Integration names become SQS queue names, CloudFormation logical IDs and environment variable
/// names, so they must be valid as all three and must not collide once converted.
struct IntegrationNameRules {
    /// The characters SQS allows in queue names; starting with a letter keeps the derived
    /// identifiers (function names, `<NAME>_QUEUE_URL`) valid too.
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" || $0 == "_" }
    }

    static func diagnostics(name: String, file: String) -> [Diagnostic] {
        guard isValid(name) else {
            return [Diagnostic(.error, .invalidName, file: file, path: nil,
                message: "integration name \"\(name)\" is invalid; use letters, digits, hyphens and underscores, starting with a letter, because it becomes SQS queue names and CloudFormation logical IDs")]
        }
        let queueName = IntegrationNames(integration: name).queueName
        guard queueName.count <= IntegrationNames.maximumQueueNameLength else {
            return [Diagnostic(.error, .nameTooLong, file: file, path: nil,
                message: "integration name \"\(name)\" is too long: its queue name \"\(queueName)\" has \(queueName.count) characters and SQS allows at most \(IntegrationNames.maximumQueueNameLength)")]
        }
        return []
    }

    /// Names that differ only in case or separators produce the same logical IDs and variables.
    static func collisions(among definitions: [IntegrationDefinition]) -> [Diagnostic] {
        var firstByIdentifier: [String: IntegrationDefinition] = [:]
        var found: [Diagnostic] = []
        for definition in definitions {
            let names = definition.names
            let identifier = names.pascalCase.lowercased()
            if let first = firstByIdentifier[identifier] {
                found.append(Diagnostic(.error, .duplicateName, file: definition.file, path: nil,
                    message: "integration name \"\(definition.name)\" collides with \"\(first.name)\" (\(first.file)): both become \(names.queueLogicalID) and \(names.queueURLVariable)"))
            } else {
                firstByIdentifier[identifier] = definition
            }
        }
        return found
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
