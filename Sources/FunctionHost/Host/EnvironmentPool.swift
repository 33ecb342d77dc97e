/// Which of a function's environments are free to take an invocation, and since when.
/// Pure bookkeeping, generic over the environment type so it is tested without processes.
struct EnvironmentPool<Member: AnyObject> {
    private struct Entry {
        let member: Member
        let provisioned: Bool
        var availableSince: ContinuousClock.Instant?
    }

    private var entries: [Entry] = []

    var count: Int { entries.count }
    var provisionedCount: Int { entries.count(where: \.provisioned) }
    var members: [Member] { entries.map(\.member) }

    /// Adds an environment, either free (provisioned ones) or already taken by the invocation
    /// that started it.
    mutating func add(_ member: Member, provisioned: Bool, available: Bool, at now: ContinuousClock.Instant) {
        entries.append(Entry(member: member, provisioned: provisioned, availableSince: available ? now : nil))
    }

    /// Takes a free environment, provisioned ones first, then the most recently used (the warmest).
    mutating func take() -> Member? {
        let free = entries.indices.filter { entries[$0].availableSince != nil }
        let chosen = free.max { lhs, rhs in
            let left = entries[lhs], right = entries[rhs]
            if left.provisioned != right.provisioned { return right.provisioned }
            return left.availableSince! < right.availableSince!
        }
        guard let chosen else { return nil }
        entries[chosen].availableSince = nil
        return entries[chosen].member
    }

    mutating func giveBack(_ member: Member, at now: ContinuousClock.Instant) {
        guard let index = entries.firstIndex(where: { $0.member === member }) else { return }
        entries[index].availableSince = now
    }

    /// Forgets an environment; returns whether it was provisioned.
    @discardableResult
    mutating func remove(_ member: Member) -> Bool? {
        guard let index = entries.firstIndex(where: { $0.member === member }) else { return nil }
        return entries.remove(at: index).provisioned
    }

    /// Removes and returns on-demand environments free since before `cutoff`.
    mutating func takeIdle(since cutoff: ContinuousClock.Instant) -> [Member] {
        let stale = entries.filter { !$0.provisioned && ($0.availableSince.map { $0 < cutoff } ?? false) }
        entries.removeAll { entry in stale.contains { $0.member === entry.member } }
        return stale.map(\.member)
    }
}
