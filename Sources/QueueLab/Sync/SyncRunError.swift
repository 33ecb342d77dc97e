/// Why `queuelab sync` refused to start or could not finish.
public struct SyncRunError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No integration by that name under `functions/`.
        case unknownIntegration = "UnknownIntegration"
        /// A `--set` key or value, or `--records`, is not one the run takes.
        case invalidSetting = "InvalidSetting"
        /// The integration's definition, with the run's settings, does not generate a manifest.
        case refusedDefinition = "RefusedDefinition"
        /// The state folder cannot be prepared.
        case stateUnavailable = "StateUnavailable"
        /// Every message is settled, yet a Process is not finished: nothing is left that could finish it.
        case stalled = "Stalled"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
