import Synchronization

/// A value set once, from any thread, and awaited by any number of tasks.
public final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        case pending(waiters: [CheckedContinuation<Value, Never>])
        case fulfilled(Value)
    }

    private let state = Mutex(State.pending(waiters: []))

    public init() {}

    /// Sets the value; later calls are ignored.
    public func fulfil(_ value: Value) {
        let waiters: [CheckedContinuation<Value, Never>] = state.withLock { state in
            guard case .pending(let waiters) = state else { return [] }
            state = .fulfilled(value)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: value) }
    }

    /// The value if it is set, without waiting.
    public var current: Value? {
        state.withLock { state in
            if case .fulfilled(let value) = state { value } else { nil }
        }
    }

    /// Waits for the value; not cancellable, so a waiter is never left without an answer.
    public func value() async -> Value {
        await withCheckedContinuation { waiter in
            let ready: Value? = state.withLock { state in
                switch state {
                case .fulfilled(let value):
                    return value
                case .pending(var waiters):
                    waiters.append(waiter)
                    state = .pending(waiters: waiters)
                    return nil
                }
            }
            if let ready { waiter.resume(returning: ready) }
        }
    }
}
