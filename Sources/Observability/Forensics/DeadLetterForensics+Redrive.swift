import QueueStore

extension DeadLetterForensics {
    /// Starts a message move task (StartMessageMoveTask) taking the messages in dead-letter queue
    /// `queue` back to their source queues, or to `destination`, at most `rate` a second. A request
    /// SQS would refuse is refused before the state file is opened for writing.
    /// - Parameter following: when a task is already running for the queue (one started with
    ///   `--no-wait` while no runtime ran), return it to follow instead of refusing.
    public func startRedrive(from queue: String, to destination: String?, rate: Int?, following: Bool) async throws(ForensicsError) -> DeadLetterRedrive {
        let source = try await reading(queue) { () async throws(SQSError) in try await store.queue(named: queue) }
        let destinationArn: String?
        if let destination {
            destinationArn = try await reading(destination) { () async throws(SQSError) in try await store.queue(named: destination) }.arn
        } else {
            destinationArn = nil
        }
        let tasks = try await reading(queue) { () async throws(SQSError) in
            try await store.listMessageMoveTasks(sourceArn: source.arn, maxResults: 1)
        }
        if following, let running = tasks.first, running.status == .running {
            return DeadLetterRedrive(
                store: try Self.open(stateFile, readOnly: false), started: RedriveProgress(running, now: store.clock.now()), alreadyRunning: true)
        }
        do {
            try await store.checkMessageMoveTask(sourceArn: source.arn, destinationArn: destinationArn, maxPerSecond: rate)
        } catch {
            throw .redriveRefused(error)
        }
        return try await DeadLetterRedrive.start(
            on: try Self.open(stateFile, readOnly: false), source: source, destinationArn: destinationArn, rate: rate)
    }
}
