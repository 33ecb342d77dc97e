import GRDB
import Synchronization

/// Group commit: concurrent write operations are run together in one SQLite transaction, each in
/// its own savepoint so that one operation's failure undoes only its own changes. Every caller
/// still returns only after the transaction holding its operation has committed. The first caller
/// to find no batch under way drives batches until none is pending; the rest wait for their result.
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

    init(database: DatabasePool) {
        self.database = database
    }

    func write<T: Sendable>(_ operation: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        let work = Work(
            run: { db in
                do {
                    var value: T?
                    try db.inSavepoint {
                        value = try operation(db)
                        return .commit
                    }
                    outcome.keep(.success(value!))
                } catch {
                    outcome.keep(.failure(error))
                }
            },
            finish: { transactionError in outcome.deliver(transactionError) })
        let leads = state.withLock { state -> Bool in
            state.pending.append(work)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if leads { await drain() }
        return try await outcome.value()
    }

    private func drain() async {
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
                try await database.write { db in
                    for work in batch { work.run(db) }
                }
            } catch {
                transactionError = error
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
