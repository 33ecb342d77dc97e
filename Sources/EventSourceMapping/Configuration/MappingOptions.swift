/// What a manifest says of one mapping besides its function and queue, before AWS's rules apply
/// (`MappingConfiguration.validated(_:region:)` applies them).
public struct MappingOptions: Sendable, Hashable {
    /// `nil`: Lambda's default, 10.
    public var batchSize: Int?
    /// Seconds; `nil`: none.
    public var maximumBatchingWindow: Int?
    public var maximumConcurrency: Int?
    /// `functionResponseType: ReportBatchItemFailures` / `FunctionResponseTypes: [ReportBatchItemFailures]`.
    public var reportsBatchItemFailures: Bool
    /// `FilterCriteria.Filters[].Pattern`: JSON strings.
    public var filterPatterns: [String]
    public var enabled: Bool

    public init(
        batchSize: Int? = nil, maximumBatchingWindow: Int? = nil, maximumConcurrency: Int? = nil,
        reportsBatchItemFailures: Bool = false, filterPatterns: [String] = [], enabled: Bool = true
    ) {
        self.batchSize = batchSize
        self.maximumBatchingWindow = maximumBatchingWindow
        self.maximumConcurrency = maximumConcurrency
        self.reportsBatchItemFailures = reportsBatchItemFailures
        self.filterPatterns = filterPatterns
        self.enabled = enabled
    }
}
