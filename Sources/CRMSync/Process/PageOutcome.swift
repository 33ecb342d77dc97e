/// What processing one page of persons came to.
public struct PageOutcome: Sendable, Equatable {
    /// The sync's page index (a webhook's single batch is page 0).
    public var page: Int
    public var synced: Int
    public var failed: Int
    public var errors: [ProcessErrorEntry]

    public init(page: Int, synced: Int, failed: Int, errors: [ProcessErrorEntry] = []) {
        self.page = page
        self.synced = synced
        self.failed = failed
        self.errors = errors
    }

    public var processed: Int { synced + failed }
}
