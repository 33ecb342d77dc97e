import Synchronization

/// Wakes long polls when a queue may have something to deliver. A generation counter per queue
/// closes the gap between a receive that found nothing and the wait that follows it; `signalAll`
/// moves every queue's generation on at once (an epoch added to each).
final class QueueSignals: Sendable {
    private struct State {
        var generations: [String: UInt64] = [:]
        var epoch: UInt64 = 0
        var waiters: [String: [Int: CheckedContinuation<Void, Never>]] = [:]
        var cancelled: Set<Int> = []
        var nextWaiterId = 0

        func generation(of queue: String) -> UInt64 {
            generations[queue, default: 0] &+ epoch
        }
    }

    private let state = Mutex(State())

    func generation(of queue: String) -> UInt64 {
        state.withLock { $0.generation(of: queue) }
    }

    func signal(_ queue: String) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.generations[queue, default: 0] &+= 1
            return Array((state.waiters.removeValue(forKey: queue) ?? [:]).values)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Wakes every waiter of every queue: something may have changed anywhere (another process committed).
    func signalAll() {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.epoch &+= 1
            defer { state.waiters.removeAll() }
            return state.waiters.values.flatMap(\.values)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns when the queue is signalled after `generation`, when `timeout` passes, or on cancellation.
    func wait(for queue: String, after generation: UInt64, timeout: Duration) async {
        guard timeout > .zero else { return }
        let waiterId = state.withLock { state -> Int in
            state.nextWaiterId += 1
            return state.nextWaiterId
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.suspend(queue, waiterId: waiterId, generation: generation) }
            await group.next()
            group.cancelAll()
        }
        // A cancellation that arrived after a signal leaves a marker behind; drop it.
        _ = state.withLock { $0.cancelled.remove(waiterId) }
    }

    private func suspend(_ queue: String, waiterId: Int, generation: UInt64) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.cancelled.remove(waiterId) != nil { return true }
                    if state.generation(of: queue) != generation { return true }
                    state.waiters[queue, default: [:]][waiterId] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if let continuation = state.waiters[queue]?.removeValue(forKey: waiterId) {
                    return continuation
                }
                state.cancelled.insert(waiterId)
                return nil
            }
            continuation?.resume()
        }
    }
}
