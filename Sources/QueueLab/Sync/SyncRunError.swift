import Primitives

/// Why `queuelab sync` refused to start or could not finish.
public typealias SyncRunError = CodedError<SyncRunErrorCode>

/// The codes of `SyncRunError`.
public enum SyncRunErrorCode: String, ErrorCode {
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

    public static let descriptionNamesCode = false
}
