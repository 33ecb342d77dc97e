import Foundation

/// Where queue semantics read the time, in milliseconds since the Unix epoch, so tests can move it.
public protocol QueueClock: Sendable {
    func now() -> Int64
}

public struct SystemQueueClock: QueueClock {
    public init() {}

    public func now() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
