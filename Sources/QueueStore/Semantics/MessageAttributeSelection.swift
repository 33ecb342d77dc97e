/// The message attributes a receive returns (`MessageAttributeNames`), worked out once per request.
///
/// As SQS answers: `All`, `*` and `.*` select every attribute; `prefix.*` selects those whose name
/// starts with `prefix` (`Hel.*` selects `Hello` and `Help.Me`); any other name selects that
/// attribute. Names no attribute can have (`AWS.`, `..foo`) select nothing and are no error.
public struct MessageAttributeSelection: Sendable, Equatable {
    /// Every attribute is selected.
    public private(set) var selectsAll = false
    private var names: Set<String> = []
    private var prefixes: [String] = []

    public init(_ requested: [String]) {
        for name in requested {
            if name == "All" || name == "*" || name == ".*" {
                selectsAll = true
            } else if name.hasSuffix(".*") {
                prefixes.append(String(name.dropLast(2)))
            } else {
                names.insert(name)
            }
        }
    }

    /// No attribute is selected: the receive returns none and computes nothing.
    public var selectsNone: Bool { !selectsAll && names.isEmpty && prefixes.isEmpty }

    public func select(_ attributes: [String: MessageAttributeValue]) -> [String: MessageAttributeValue] {
        if selectsAll || attributes.isEmpty { return attributes }
        if selectsNone { return [:] }
        return attributes.filter { name, _ in names.contains(name) || prefixes.contains { name.hasPrefix($0) } }
    }
}
