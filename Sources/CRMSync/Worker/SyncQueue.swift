/// The integration's queue, as a worker sends follow-up events to it.
public protocol SyncQueue: Sendable {
    /// Sends `events` in order, with SendMessageBatch in batches of at most ten
    /// (`SyncPlanner.sendBatches`); throws unless every one was sent.
    func send(_ events: [SyncEvent]) async throws
}
