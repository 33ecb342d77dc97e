import StrictJSON

/// A manifest string with Serverless Framework variables (`${self:custom.x}`), parsed.
///
/// As in the framework's parser, a variable starts with `${` and a lowercase source name followed
/// by `:` or `(`; anything else (`${AWS::Region}`, `${OrdersQueue.Arn}`, `${!Literal}`) is text,
/// which keeps CloudFormation's `Fn::Sub` syntax intact.
struct VariableString: Equatable {
    enum Piece: Equatable {
        case text(String)
        case variable(Variable)
    }

    /// `${source:address, fallback, …}`: the first source with a value wins.
    struct Variable: Equatable {
        var sources: [Source]
        /// As written, for messages.
        var written: String
    }

    enum Source: Equatable {
        /// `self:custom.x`, `env:NAME`; the address may itself hold variables.
        case reference(kind: String, address: [Piece])
        /// `file(./x.json):key` and other sources with parameters, which QueueLab does not resolve.
        case call(kind: String)
        /// A fallback: `'dev'`, `"dev"`, `5`, `true`, `null`.
        case literal(JSONValue)
        /// A fallback written as a variable of its own: `${self:provider.stage}`.
        case variable(Variable)
    }

    let pieces: [Piece]

    /// The one variable the string consists of, whose value keeps its type (a number, an object).
    var wholeVariable: Variable? {
        guard pieces.count == 1, case .variable(let variable) = pieces[0] else { return nil }
        return variable
    }

    /// The parsed `text`, or `nil` when it holds no variable.
    static func parse(_ text: String) throws(VariableSyntaxError) -> VariableString? {
        guard text.contains("${") else { return nil }
        var parser = VariableParser(text)
        let pieces = try parser.parseString()
        return pieces.contains(where: { if case .variable = $0 { true } else { false } }) ? VariableString(pieces: pieces) : nil
    }
}

/// A `${…}` that starts like a variable but does not parse.
struct VariableSyntaxError: Error, Equatable {
    let reason: String
}
