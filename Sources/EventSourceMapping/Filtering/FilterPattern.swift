/// One parsed filter pattern: every named field must match and, when the pattern has `$or`, so
/// must one of its alternatives.
///
/// `$or` follows AWS's Event Ruler, the engine behind EventBridge rules, Pipes and Lambda event
/// filtering (the Lambda guide says filters use "the same set of syntax and rules as Amazon
/// EventBridge"; EventBridge's operator table marks `$or` as supported by Pipes).
struct FilterPattern: Sendable, Equatable {
    /// What a field must hold: a nested object's fields, or a value one of the matchers accepts.
    enum Rule: Sendable, Equatable {
        case nested(FilterPattern)
        case matchers([FilterMatcher])
    }

    let fields: [String: Rule]
    /// `$or`: patterns over the same object, at least one of which must match; empty without `$or`.
    let alternatives: [FilterPattern]

    /// Whether the pattern names `body` at the top level, so matching needs the body parsed.
    var readsBody: Bool { fields["body"] != nil || alternatives.contains(where: \.readsBody) }
}
