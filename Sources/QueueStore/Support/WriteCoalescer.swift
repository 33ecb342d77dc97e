import GRDB
import Synchronization

/// Group commit: concurrent write operations are run together in one SQLite transaction, each in
/// its own savepoint so that one operation's failure undoes only its own changes. Every caller
/// still returns only after the transaction holding its operation has committed. The first caller
/// to find no batch under way starts a drain on the writer's queue; the rest wait for their result.
final class WriteCoalescer: Sendable {
    private struct Work: Sendable {
        /// Runs the operation inside the batch's transaction and keeps its outcome.
        let run: @Sendable (Database) -> Void
        /// Delivers the outcome once the transaction is over (with its error if the commit failed).
        let finish: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var pending: [Work] = []
        var draining = false
    }

    private let database: DatabasePool
    private let state = Mutex(State())
    /// Called at the start of each batch's transaction.
    private let beforeBatch: @Sendable (Database) throws -> Void
    /// Called after any rollback, whole or to a savepoint, so caches of written state can drop it.
    private let onRollback: @Sendable () -> Void

    init(
        database: DatabasePool, beforeBatch: @escaping @Sendable (Database) throws -> Void = { _ in },
        onRollback: @escaping @Sendable () -> Void = {}
    ) {
        self.database = database
        self.beforeBatch = beforeBatch
        self.onRollback = onRollback
    }

    func write<T: Sendable>(_ operation: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        let work = Work(
            run: { [onRollback] db in outcome.keep(Self.inSavepoint(db, operation, onRollback: onRollback)) },
            finish: { transactionError in outcome.deliver(transactionError) })
        let leads = state.withLock { state -> Bool in
            state.pending.append(work)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if leads {
            database.asyncWriteWithoutTransaction { db in self.drain(db) }
        }
        return try await outcome.value()
    }

    /// Runs `operation` in a savepoint of the batch's transaction: its changes stay on success and
    /// are undone on error. (Cached statements: GRDB's `inSavepoint` compiles its SQL every time,
    /// a measurable cost when every SendMessage takes this path.)
    private static func inSavepoint<T>(
        _ db: Database, _ operation: (Database) throws -> T, onRollback: () -> Void
    ) -> Result<T, any Error> {
        do {
            try db.cachedStatement(sql: "SAVEPOINT operation").execute()
        } catch {
            return .failure(error)
        }
        let result = Result { try operation(db) }
        do {
            if case .failure = result {
                defer { onRollback() }
                try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT operation").execute()
            }
            try db.cachedStatement(sql: "RELEASE SAVEPOINT operation").execute()
        } catch {
            return .failure(error)
        }
        return result
    }

    /// Runs batches on the writer's queue until none is pending. The writer goes straight on to
    /// the next batch after a commit, so it never waits for the callers' threads to pick up results.
    private func drain(_ db: Database) {
        while true {
            let batch = state.withLock { state -> [Work] in
                let batch = state.pending
                state.pending = []
                if batch.isEmpty { state.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            var transactionError: (any Error)?
            do {
                try db.inTransaction(.immediate) {
                    try beforeBatch(db)
                    for work in batch { work.run(db) }
                    return .commit
                }
            } catch {
                transactionError = error
                onRollback()
            }
            for work in batch { work.finish(transactionError) }
        }
    }
}

/// One operation's result, handed from the batch that ran it to the caller waiting for it.
private final class Outcome<T: Sendable>: Sendable {
    private struct State {
        var kept: Result<T, any Error>?
        var delivered: Result<T, any Error>?
        var waiter: CheckedContinuation<T, any Error>?
    }

    private let state = Mutex(State())

    func keep(_ result: Result<T, any Error>) {
        state.withLock { $0.kept = result }
    }

    func deliver(_ transactionError: (any Error)?) {
        let (waiter, result) = state.withLock { state -> (CheckedContinuation<T, any Error>?, Result<T, any Error>) in
            let result = transactionError.map { Result<T, any Error>.failure($0) } ?? state.kept!
            state.delivered = result
            defer { state.waiter = nil }
            return (state.waiter, result)
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let delivered = state.withLock { state -> Result<T, any Error>? in
                if let delivered = state.delivered { return delivered }
                state.waiter = continuation
                return nil
            }
            if let delivered { continuation.resume(with: delivered) }
        }
    }
}
