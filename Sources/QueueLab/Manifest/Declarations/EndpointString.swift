/// A string that may embed the SQS endpoint's URL, which is known only once the endpoint listens
/// (`--sqs-port 0` binds a free port). A `Ref` to a queue gives `<endpoint>/<account>/<name>`;
/// `Fn::Sub` and `Fn::Join` may splice that into longer strings.
public struct EndpointString: Sendable, Hashable, CustomStringConvertible {
    enum Piece: Sendable, Hashable {
        case text(String)
        case sqsEndpoint
    }

    private(set) var pieces: [Piece]

    public init(_ text: String) {
        pieces = text.isEmpty ? [] : [.text(text)]
    }

    private init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// The URL of the queue `name`: `<endpoint>/<account>/<name>`, as the SQS endpoint answers it.
    static func queueURL(accountId: String, name: String) -> EndpointString {
        EndpointString(pieces: [.sqsEndpoint, .text("/\(accountId)/\(name)")])
    }

    /// The text with `sqsEndpoint` (`http://<host>:<port>`) in place of the endpoint.
    public func rendered(sqsEndpoint: String) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .sqsEndpoint: sqsEndpoint
            }
        }.joined()
    }

    /// The text, when it does not depend on the endpoint.
    public var literal: String? {
        pieces.contains(.sqsEndpoint) ? nil : rendered(sqsEndpoint: "")
    }

    /// As errors show it: the endpoint as `<sqs-endpoint>`.
    public var description: String { rendered(sqsEndpoint: "<sqs-endpoint>") }

    static func + (lhs: EndpointString, rhs: EndpointString) -> EndpointString {
        var pieces = lhs.pieces
        for piece in rhs.pieces {
            if case .text(let next) = piece, case .text(let previous)? = pieces.last {
                pieces[pieces.count - 1] = .text(previous + next)
            } else {
                pieces.append(piece)
            }
        }
        return EndpointString(pieces: pieces)
    }

    static func joined(_ parts: [EndpointString], separator: String) -> EndpointString {
        var result = EndpointString("")
        for (index, part) in parts.enumerated() {
            result = index == 0 ? part : result + EndpointString(separator) + part
        }
        return result
    }
}
