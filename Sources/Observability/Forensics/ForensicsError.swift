import QueueStore

/// Why `queuelab dlq` cannot answer; it changes nothing in the state file when it fails.
public enum ForensicsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The state file is missing, is not one, is outdated, or no run ever used it.
    case stateFile(StateFileError)
    case unknownQueue(String)
    /// No message with this id in the queue, or one that no redrive policy moved there.
    case notADeadLetter(messageId: String, queue: String)
    /// StartMessageMoveTask refused, with SQS's reason (not a dead-letter queue, a task already running, a bad rate).
    case redriveRefused(SQSError)
    /// Reading or writing the state file failed.
    case store(SQSError)

    public var code: String {
        switch self {
        case .stateFile(let error): error.code.rawValue
        case .unknownQueue: "QueueDoesNotExist"
        case .notADeadLetter: "NotADeadLetter"
        case .redriveRefused(let error): error.code.rawValue
        case .store(let error): error.code.rawValue
        }
    }

    public var message: String {
        switch self {
        case .stateFile(let error): error.message
        case .unknownQueue(let name): "No queue named \(name) in the state file."
        case .notADeadLetter(let messageId, let queue): "No dead letter \(messageId) in \(queue)."
        case .redriveRefused(let error): "Cannot redrive: \(error.message)"
        case .store(let error): "The state file failed: \(error.description)"
        }
    }

    public var description: String { message }

    /// A store error as forensics reports it: a missing queue names the queue.
    init(_ error: SQSError, queue: String) {
        self = error.code == .queueDoesNotExist ? .unknownQueue(queue) : .store(error)
    }
}
