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
        let ideal = result.ideal
        if ideal.simulatedWork > .zero {
            let seconds = result.wallTime.fractionalSeconds
            lines.append(String(
                format: "Ideal: %.1f s of simulated CRM work over %d concurrent = %.1f s (this run: %.2f×); growing from 5 concurrent as an SQS event source does on AWS, %.1f s (this run: %.2f×)",
                ideal.simulatedWork.fractionalSeconds, ideal.concurrency, ideal.plain.fractionalSeconds,
                seconds / max(ideal.plain.fractionalSeconds, 0.001), ideal.withScaling.fractionalSeconds,
                seconds / max(ideal.withScaling.fractionalSeconds, 0.001)))
        }
        lines.append(
            "CRM: \(counters.requests) requests, \(counters.rateLimited) answered 429, \(counters.injectedErrors) answered 502/503, "
                + "\(counters.personsReturned) persons returned")
        lines.append("Quo: \(result.quo.contacts) contacts, \(result.quo.upserts) upserts (\(result.quo.updates) updated a contact)")
        return lines
    }
}
