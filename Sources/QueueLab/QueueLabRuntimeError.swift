/// The runtime stopped before it could serve (without an error of its own to report).
public enum QueueLabRuntimeError: Error, CustomStringConvertible {
    case stoppedBeforeListening

    public var code: String { "StoppedBeforeListening" }
    public var message: String { "the runtime stopped before its endpoints listened" }
    public var description: String { "\(code): \(message)" }
}
