import Foundation

/// How `queuelab dlq list --json` and `queuelab dlq show --json` print: sorted keys, times as ISO
/// 8601 in UTC with milliseconds (a message's receives can be milliseconds apart).
///
/// `list` prints an array of dead letters; `show` prints one dead letter with two more keys.
/// - A dead letter: `messageId`, `body`, `queue` (the dead-letter queue), `sourceQueue`, `diedAt`,
///   `receiveCount` (receives in its last life), `diagnosis` (`{kind, summary}`, see
///   `DeadLetterDiagnosis.Kind`), and `attempts`: `list` gives its last life's, `show` every life's.
/// - An attempt: `attemptId`, `life` (1, then one more after each redrive), `receivedAt`,
///   `function`, `mappingId`, `requestId`, `coldStart`, `durationMs`, `outcome` (one of eight, see
///   `MessageAttempt`), `recordedOutcome` (the store's own), `error` (`{type, message}` or null),
///   `throttles`, `throttleReason` (or null). Unknown values are null, never left out.
/// - `show` adds `lives`: `{life, redriven, deadLettered, receives}`, where `redriven` (null for the
///   first life) and `deadLettered` (null for a life that has not ended) are `{at, from, to}`.
public enum ForensicsJSON {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
