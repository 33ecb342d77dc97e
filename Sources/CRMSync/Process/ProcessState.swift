/// The states of a sync Process (`BaseCRMIntegration`'s CRM sync states).
public enum ProcessState: String, Codable, Sendable, CaseIterable {
    case initializing = "INITIALIZING"
    /// Page 0 is being fetched to learn the total.
    case fetchingTotal = "FETCHING_TOTAL"
    /// The other pages are being queued.
    case queuingPages = "QUEUING_PAGES"
    case processingBatches = "PROCESSING_BATCHES"
    /// Every page is done; `COMPLETE_SYNC` is on its way.
    case completing = "COMPLETING"
    case completed = "COMPLETED"
    case error = "ERROR"

    /// A finished Process accepts no transition: its outcome is final, even if a redelivered
    /// message fails afterwards.
    public var isFinal: Bool { self == .completed || self == .error }
}
