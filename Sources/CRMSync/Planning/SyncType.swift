/// Why a sync Process runs (`context.syncType`).
public enum SyncType: String, Codable, Sendable, CaseIterable {
    /// Everything, newest first: a user started it.
    case initial = "INITIAL"
    /// What changed since the last completed sync: the poll timer started it.
    case ongoing = "ONGOING"
    /// The persons a CRM webhook named.
    case webhook = "WEBHOOK"
}
