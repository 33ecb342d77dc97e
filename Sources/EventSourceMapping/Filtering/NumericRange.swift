import StrictJSON

/// A `numeric` matcher's interval: `["=", 5]`, `["<", 10]`, `[">=", 0]` or `[">", 0, "<=", 5]`.
/// It matches JSON numbers only, compared as numbers (so 5 and 5.0 are both in `["=", 5]`).
struct NumericRange: Sendable, Equatable {
    struct Bound: Sendable, Equatable {
        let value: Double
        let isInclusive: Bool
    }

    let lower: Bound?
    let upper: Bound?

    func contains(_ number: Double) -> Bool {
        if let lower, number < lower.value || (number == lower.value && !lower.isInclusive) { return false }
        if let upper, number > upper.value || (number == upper.value && !upper.isInclusive) { return false }
        return true
    }
}

extension NumericRange {
    private enum Comparison: String {
        case equal = "="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    /// Reads AWS's forms: one comparison and a number, or a lower then an upper bound. The term
    /// rules and their order follow Event Ruler's messages as LocalStack reproduces them.
    init(parsing operand: JSONValue, at path: String) throws(FilterPattern.Invalid) {
        guard case .array(let terms) = operand, !terms.isEmpty else {
            throw FilterPattern.Invalid(
                at: path,
                "numeric takes a non-empty array of comparisons and numbers, like [\">\", 0, \"<=\", 5]; "
                    + "found \(FilterPattern.Invalid.kind(of: operand))."
            )
        }
        let (first, firstValue) = try Self.term(terms, at: 0, path: path)
        switch first {
        case .equal, .less, .lessOrEqual:
            guard terms.count == 2 else {
                throw FilterPattern.Invalid(
                    at: path,
                    "numeric \"\(first.rawValue)\" takes exactly one number; a range starts with its lower bound, "
                        + "like [\">\", 0, \"<=\", 5]."
                )
            }
            let bound = Bound(value: firstValue, isInclusive: first != .less)
            self.init(lower: first == .equal ? bound : nil, upper: bound)
        case .greater, .greaterOrEqual:
            let lower = Bound(value: firstValue, isInclusive: first == .greaterOrEqual)
            guard terms.count > 2 else {
                self.init(lower: lower, upper: nil)
                return
            }
            let (second, secondValue) = try Self.term(terms, at: 2, path: path)
            guard second == .less || second == .lessOrEqual else {
                throw FilterPattern.Invalid(
                    at: path, "a numeric range's upper bound takes \"<\" or \"<=\", not \"\(second.rawValue)\"."
                )
            }
            guard terms.count == 4 else {
                throw FilterPattern.Invalid(
                    at: path, "numeric has \(terms.count) terms; a range has four, like [\">\", 0, \"<=\", 5]."
                )
            }
            guard secondValue > firstValue else {
                throw FilterPattern.Invalid(
                    at: path, "a numeric range's lower bound must be less than its upper bound."
                )
            }
            self.init(lower: lower, upper: Bound(value: secondValue, isInclusive: second == .lessOrEqual))
        }
    }

    /// The comparison at `index` and the number after it.
    private static func term(
        _ terms: [JSONValue], at index: Int, path: String
    ) throws(FilterPattern.Invalid) -> (Comparison, Double) {
        guard case .string(let symbol) = terms[index], let comparison = Comparison(rawValue: symbol) else {
            throw FilterPattern.Invalid(
                at: path,
                "numeric comparisons are \"=\", \"<\", \"<=\", \">\" and \">=\"; found "
                    + "\(FilterPattern.Invalid.kind(of: terms[index]))."
            )
        }
        guard index + 1 < terms.count, let value = FilterMatcher.number(terms[index + 1]) else {
            throw FilterPattern.Invalid(at: path, "numeric \"\(symbol)\" needs a number after it.")
        }
        return (comparison, value)
    }
}
