/// Why `queuelab example` could not tell an example's story.
public enum ExampleError: Error, CustomStringConvertible {
    case unsettled(queues: [String], after: Duration)
    case unknownExample(name: String, available: [String])

    public var code: String {
        switch self {
        case .unsettled: "ExampleUnsettled"
        case .unknownExample: "UnknownExample"
        }
    }

    public var description: String { "\(code): \(message)" }

    public var message: String {
        switch self {
        case .unsettled(let queues, let after):
            "messages were still on \(queues.joined(separator: ", ")) after \(after)"
        case .unknownExample(let name, let available):
            "no example named '\(name)'; available: \(available.joined(separator: ", "))"
        }
    }
}
