import Testing

/// Polls `condition` until it holds; fails the test with `what` if it does not within `timeout`.
/// For waiting on recorded state (a queue drained, a file written), never on elapsed time: the
/// timeout only bounds a run that would otherwise hang.
public func waitUntil(
    _ what: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("gave up waiting after \(timeout): \(what)", sourceLocation: sourceLocation)
            throw WaitTimedOut(what: what)
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

public struct WaitTimedOut: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "gave up waiting: \(what)" }
}
