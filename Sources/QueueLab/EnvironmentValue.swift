/// One environment value once intrinsics are checked.
enum EnvironmentValue {
    case literal(String)
    /// `<account>/<QueueName>`, completed with the endpoint's address at start-up.
    case queuePath(String)

    var literal: String? {
        if case .literal(let text) = self { text } else { nil }
    }

    var queuePath: String? {
        if case .queuePath(let path) = self { path } else { nil }
    }
}
