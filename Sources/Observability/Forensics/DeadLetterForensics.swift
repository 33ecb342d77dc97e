import QueueStore

/// Answers "why is this message in my dead-letter queue?" from a state file, also while a runtime
/// uses it: the dead letters of a queue, one message's whole history with a diagnosis, and redrive
/// (`DeadLetterForensics+Redrive`). Reading changes nothing in the file.
public struct DeadLetterForensics: Sendable {
    /// Read-only: a question, or a refused redrive, leaves the file as it was, byte for byte.
    let store: QueueStore
    let stateFile: String

    /// Opens a state file that `queuelab start` created and ran on; never creates or migrates one.
    public init(stateFile: String) throws(ForensicsError) {
        store = try Self.open(stateFile, readOnly: true)
        self.stateFile = stateFile
    }

    static func open(_ stateFile: String, readOnly: Bool) throws(ForensicsError) -> QueueStore {
        do {
            return try QueueStore.existing(at: stateFile, readOnly: readOnly)
        } catch {
            throw .stateFile(error)
        }
    }

    /// The dead letters in `queue`, in the order they were first sent (messages sent to the queue
    /// directly are not dead letters).
    public func deadLetters(inQueue queue: String, limit: Int = 1000) async throws(ForensicsError) -> [DeadLetter] {
        let messages = try await reading(queue) { () async throws(SQSError) in try await store.storedMessages(inQueue: queue, limit: limit) }
        let runs = try await reading(queue) { () async throws(SQSError) in try await store.runs() }
        var deadLetters: [DeadLetter] = []
        for message in messages {
            guard let move = message.deadLetterMove else { continue }
            deadLetters.append(try await history(of: message, move: move, inQueue: queue, runs: runs).deadLetter)
        }
        return deadLetters
    }

    /// Every receive of dead letter `messageId` in `queue`, life by life, and why it died.
    public func history(ofMessage messageId: String, inQueue queue: String) async throws(ForensicsError) -> MessageHistory {
        let message = try await reading(queue) { () async throws(SQSError) in try await store.storedMessage(messageId, inQueue: queue) }
        guard let message, let move = message.deadLetterMove else { throw .notADeadLetter(messageId: messageId, queue: queue) }
        let runs = try await reading(queue) { () async throws(SQSError) in try await store.runs() }
        return try await history(of: message, move: move, inQueue: queue, runs: runs)
    }

    private func history(
        of message: StoredMessage, move: DeadLetterMove, inQueue queue: String, runs: [RunRecord]
    ) async throws(ForensicsError) -> MessageHistory {
        let attempts = try await reading(queue) { () async throws(SQSError) in try await store.deliveryHistory(ofMessage: message.messageId) }
        let events = try await reading(queue) { () async throws(SQSError) in try await store.events(ofMessage: message.messageId) }
        var lives = MessageLife.lives(attempts: attempts, events: events) { attempt in
            Self.run(at: attempt.receivedAt, in: runs)?.functions.first { $0.name == attempt.functionName }?.timeout
        }
        let sourceQueue = QueueRecord.name(fromARN: move.sourceQueueARN)
        let lastIndex = lives.count - 1
        // A state file from before message events were recorded knows only the last move.
        if lives[lastIndex].deadLettered == nil {
            lives[lastIndex].deadLettered = MessageLife.Move(at: move.movedAt, from: sourceQueue, to: queue)
        }
        let lastAttempts = lives[lastIndex].attempts
        let diagnosis = DeadLetterDiagnosis(
            attempts: lastAttempts, receiveCount: message.receiveCount, configuration: Self.configuration(of: lastAttempts.last, runs: runs))
        let deadLetter = DeadLetter(
            messageId: message.messageId, body: message.body, queue: queue, sourceQueue: sourceQueue, diedAt: move.movedAt,
            receiveCount: message.receiveCount, attempts: lastAttempts, diagnosis: diagnosis)
        return MessageHistory(deadLetter: deadLetter, lives: lives)
    }

    /// What the run that made `attempt` configured for its function and mapping.
    static func configuration(of attempt: MessageAttempt?, runs: [RunRecord]) -> DeadLetterDiagnosis.Configuration {
        guard let attempt, let run = run(at: attempt.receivedAt, in: runs) else { return DeadLetterDiagnosis.Configuration() }
        let function = run.functions.first { $0.name == attempt.function }
        let mapping = run.mappings.first { $0.id == attempt.mappingId }
        return DeadLetterDiagnosis.Configuration(
            reservedConcurrency: function?.reservedConcurrency, maximumConcurrency: mapping?.maximumConcurrency,
            batchSize: mapping?.batchSize, timeout: function?.timeout, memorySize: function?.memorySize)
    }

    /// The run going on at `time`: the last one started by then.
    static func run(at time: Int64, in runs: [RunRecord]) -> RunRecord? {
        runs.last { $0.startedAt <= time }
    }

    /// Runs a store call, reporting a missing queue as `unknownQueue(queue)`.
    func reading<T>(_ queue: String, _ call: () async throws(SQSError) -> T) async throws(ForensicsError) -> T {
        do {
            return try await call()
        } catch {
            throw ForensicsError(error, queue: queue)
        }
    }
}
