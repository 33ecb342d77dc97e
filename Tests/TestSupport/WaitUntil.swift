import Foundation
import Testing

/// A condition that did not hold before its deadline.
public struct WaitTimedOut: Error, CustomStringConvertible {
    public let description: String
}

/// Polls `probe` until it returns a value, and returns it; after `timeout` the test fails with
/// `what` and the last value seen. The deadline is generous: a wait ends on the recorded
/// condition, never on the time it took: the timeout only bounds a run that would otherwise hang.
public func eventually<T>(
    _ what: @autoclosure () -> String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
    _ probe: () async throws -> T?
) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    while true {
        if let value = try await probe() { return value }
        guard ContinuousClock.now < deadline else {
            let error = WaitTimedOut(description: "waited \(timeout) for \(what())")
            Issue.record(error, sourceLocation: sourceLocation)
            throw error
        }
        try await Task.sleep(for: .milliseconds(25))
    }
}

/// Polls `condition` until it holds; see `eventually`.
public func waitUntil(
    _ what: @autoclosure () -> String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    _ = try await eventually(what(), timeout: timeout, sourceLocation: sourceLocation) { try await condition() ? true : nil }
}
