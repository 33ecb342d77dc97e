import Foundation

/// What SQS accepts in a message: characters, attribute names and types, and sizes.
enum MessageValidation {
    static let maximumAttributes = 10

    /// `#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    static func checkCharacters(_ text: String, in subject: String) throws(SQSError) {
        if let bad = text.unicodeScalars.first(where: { !isAllowed($0) }) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            throw SQSError(
                .invalidMessageContents,
                "Invalid binary character '#x\(hex)' was found in the \(subject), the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF"
            )
        }
    }

    static func checkBody(_ body: String) throws(SQSError) {
        if body.isEmpty {
            throw .invalidParameter("MessageBody", "", reason: "The message body must be between 1 and 1048576 bytes long.")
        }
        try checkCharacters(body, in: "message body")
    }

    static func checkAttributes(_ attributes: [String: MessageAttributeValue]) throws(SQSError) {
        if attributes.count > maximumAttributes {
            throw SQSError(.invalidParameterValue, "Number of message attributes [\(attributes.count)] exceeds the allowed maximum [\(maximumAttributes)].")
        }
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            try checkAttributeName(name)
            try checkAttributeValue(value, name: name)
        }
    }

    static func checkAttributeName(_ name: String) throws(SQSError) {
        // Letters and digits of any script: AWS accepts "attr.1øßä" and refuses "§" (LocalStack's
        // AWS-validated test_send_message_with_invalid_string_attributes).
        let allowed = name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" || $0 == "."
        }
        let lower = name.lowercased()
        guard !name.isEmpty, name.count <= 256, allowed, !name.hasPrefix("."), !name.hasSuffix("."),
              !name.contains(".."), !lower.hasPrefix("aws."), !lower.hasPrefix("amazon.")
        else {
            throw SQSError(.invalidParameterValue, "Message (user) attribute name '\(name)' is invalid. Names can contain alphanumeric characters, hyphens, underscores and periods, must not start or end with a period, must not contain consecutive periods, must not start with AWS. or Amazon., and can be up to 256 characters long.")
        }
    }

    static func checkAttributeValue(_ value: MessageAttributeValue, name: String) throws(SQSError) {
        let baseType = value.dataType.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        guard ["String", "Number", "Binary"].contains(baseType), value.dataType.count <= 256 else {
            throw SQSError(.invalidParameterValue, "The type of message (user) attribute '\(name)' is invalid. You must use only the following supported type prefixes: Binary, Number, String.")
        }
        if baseType == "Binary" {
            guard let binary = value.binaryValue, !binary.isEmpty else {
                throw SQSError(.invalidParameterValue, "Message (user) attribute '\(name)' must contain a non-empty value of type 'Binary'.")
            }
            return
        }
        guard let string = value.stringValue, !string.isEmpty else {
            throw SQSError(.invalidParameterValue, "Message (user) attribute '\(name)' must contain a non-empty value of type '\(baseType)'.")
        }
        if baseType == "Number", Decimal(string: string) == nil || Double(string) == nil {
            throw SQSError(.invalidParameterValue, "Could not cast message attribute '\(name)' value to number.")
        }
        try checkCharacters(string, in: "message attribute '\(name)'")
    }

    static func size(body: String, attributes: [String: MessageAttributeValue]) -> Int {
        body.utf8.count + attributes.reduce(0) { $0 + $1.value.size(name: $1.key) }
    }
}
