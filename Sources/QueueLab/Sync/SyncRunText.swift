import Foundation
import Primitives

/// The end of `queuelab sync`'s output: the Processes' results, then what the CRM and Quo saw. Pure.
public enum SyncRunText {
    public static func summary(_ result: SyncRunResult) -> [String] {
        let counters = result.crmCounters
        var lines = ["Processes:"] + SyncProgressText.results(result.processes).map { "  " + $0 }
        lines.append("")
        lines.append(String(
            format: "Sync: %.1f s from start to the last Process, %.0f records/s synced", result.wallTime.fractionalSeconds,
            result.recordsPerSecond))
        lines.append(
            "CRM: \(counters.requests) requests, \(counters.rateLimited) answered 429, \(counters.injectedErrors) answered 502/503, "
                + "\(counters.personsReturned) persons returned")
        lines.append("Quo: \(result.quo.contacts) contacts, \(result.quo.upserts) upserts (\(result.quo.updates) updated a contact)")
        return lines
    }
}
