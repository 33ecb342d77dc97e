import GRDB

extension QueueStore {
    /// Waits until `name` is signalled after `generation`, or `timeout` passes. Signals come from
    /// this process only; so that a commit by another process (a message sent, moved back by
    /// `queuelab dlq redrive`, a move task started) is not missed for the rest of a long wait, the
    /// wait looks once a second whether another connection committed, which wakes every waiter.
    func waitForSignal(on name: String, after generation: UInt64, timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        while !Task.isCancelled {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return }
            await signals.wait(for: name, after: generation, timeout: min(remaining, OtherProcessCommits.interval))
            // Signalled, or the wait is over (a wait under a second never reads data_version).
            guard signals.generation(of: name) == generation, remaining > OtherProcessCommits.interval else { return }
            await noticeOtherProcessCommits()
        }
    }

    /// Reads `data_version` on the writer connection when a reading is due: a pragma outside any
    /// transaction, which takes no lock and touches no page.
    private func noticeOtherProcessCommits() async {
        guard otherProcessCommits.claimCheck(at: .now) else { return }
        guard let version = try? await database.writeWithoutTransaction({ db in try Self.dataVersion(db) }) else { return }
        otherProcessCommits.notice(dataVersion: version)
    }

    static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
    }
}
