import StrictJSON

/// A record as the patterns read it. Before matching, AWS checks that the message body and the
/// pattern for `body` agree on the format: a JSON pattern drops a plain-text body, and a
/// plain-text pattern drops a JSON body. AWS's table says "Valid JSON" without saying whether a
/// bare scalar or array counts; QueueLab counts a body as JSON when it is an object, as LocalStack
/// does, so `123` or `[1, 2]` is text to either kind of pattern.
struct FilteredMessage {
    let fields: [String: JSONValue]
    private let body: Body

    private enum Body {
        /// No pattern names `body`, or it is absent or not a string: matched as it stands.
        case unread
        case text
        case jsonObject([String: JSONValue])
    }

    init(_ record: JSONValue, parsingBody: Bool) {
        if case .object(let fields) = record {
            self.fields = fields
        } else {
            fields = [:]
        }
        guard parsingBody, case .string(let text)? = fields["body"] else {
            body = .unread
            return
        }
        if case .object(let object)? = try? JSONParser.parse(Array(text.utf8)) {
            body = .jsonObject(object)
        } else {
            body = .text
        }
    }

    /// Whether the top-level `body` satisfies `rule`, after the format check.
    func body(satisfies rule: FilterPattern.Rule) -> Bool {
        switch (body, rule) {
        case (.text, .nested), (.jsonObject, .matchers):
            return false
        case (.jsonObject(let object), .nested):
            return rule.matches(.object(object))
        default:
            return rule.matches(fields["body"])
        }
    }
}
