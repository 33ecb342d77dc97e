/// What a worker must do after a store operation that can finish a sync.
public enum CompletionDecision: Sendable, Equatable {
    /// This operation finished the last page and moved the Process to COMPLETING: send
    /// `COMPLETE_SYNC`. Exactly one operation per Process answers this.
    case sendCompleteSync
    /// Pages are still outstanding (or the count of pages is not known yet).
    case pending
    /// The page was recorded before (a redelivered message): nothing was counted again.
    case duplicatePage
}
