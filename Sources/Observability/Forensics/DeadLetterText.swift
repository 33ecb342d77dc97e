import Foundation

/// What `queuelab dlq list` and `queuelab dlq show` print. Times are local, ISO-like, to the
/// millisecond; ids in tables are cut to their first 8 characters (`--json` has them whole).
public enum DeadLetterText {
    /// One line a dead letter: id, the start of its body, its source queue, when it died, and the
    /// attempts of its last life.
    public static func list(_ deadLetters: [DeadLetter], queue: String) -> String {
        guard !deadLetters.isEmpty else { return "No dead letters in \(queue).\n" }
        let rows = deadLetters.map { deadLetter in
            [deadLetter.messageId, preview(deadLetter.body, width: 40), deadLetter.sourceQueue, StoreTime.local(deadLetter.diedAt),
             String(deadLetter.attempts.count)]
        }
        let table = TextTable.lines(["MESSAGE ID", "BODY", "SOURCE", "DIED", "ATTEMPTS"], rows)
        let count = deadLetters.count == 1 ? "1 dead letter" : "\(deadLetters.count) dead letters"
        return (table + ["", "\(count) in \(queue); `queuelab dlq show \(queue) <message-id>` tells why one died."])
            .joined(separator: "\n") + "\n"
    }

    /// The message's lives, each receive on one line, and the diagnosis.
    public static func show(_ history: MessageHistory) -> String {
        let deadLetter = history.deadLetter
        var lines = [
            "Message \(deadLetter.messageId) in \(deadLetter.queue)",
            "  body: \(preview(deadLetter.body, width: 120))",
            "",
        ]
        for life in history.lives {
            lines.append("Life \(life.index)")
            if let redriven = life.redriven {
                lines.append("  redriven \(StoreTime.local(redriven.at)) to \(redriven.to)")
            }
            if life.attempts.isEmpty {
                lines.append("  no event source mapping received it")
            } else {
                let header = ["RECEIVED", "MAPPING", "FUNCTION", "REQUEST", "START", "DURATION", "OUTCOME"]
                lines += TextTable.lines(header, life.attempts.map(row)).map { "  " + $0 }
            }
            if let died = life.deadLettered {
                lines.append("  died \(StoreTime.local(died.at)): moved from \(died.from) to \(died.to) after \(receives(history.receives(of: life)))")
            }
            lines.append("")
        }
        lines.append("Diagnosis: \(deadLetter.diagnosis.summary)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ attempt: MessageAttempt) -> [String] {
        let ran = attempt.requestId != nil
        return [
            StoreTime.local(attempt.receivedAt), short(attempt.mappingId), attempt.function, short(attempt.requestId),
            ran ? (attempt.coldStart ? "cold" : "warm") : "-", attempt.durationMicroseconds.map(duration) ?? "-", outcome(attempt),
        ]
    }

    /// What became of the message in the attempt, with the error.
    static func outcome(_ attempt: MessageAttempt) -> String {
        let error = attempt.error?.summary ?? "no error recorded"
        let text: String
        switch attempt.outcome {
        case .succeeded: text = "succeeded"
        case .functionError where attempt.recordedOutcome == .batchItemFailures: text = "reported in batchItemFailures"
        case .functionError: text = "failed: \(error)"
        case .timedOut: text = "timed out" + (attempt.functionTimeout.map { " after \(DeadLetterDiagnosis.seconds($0))" } ?? ": \(error)")
        case .outOfMemory: text = "out of memory: \(error)"
        case .crashed: text = "crashed: \(error)"
        case .invalidResponse: text = "invalid response: \(error)"
        case .throttled:
            let reason = attempt.throttleReason?.rawValue ?? attempt.error?.type ?? "no reason recorded"
            return "throttled: \(reason)" + (attempt.throttles > 1 ? " (\(attempt.throttles) ×)" : "")
        case .filtered: text = "filtered out"
        }
        return attempt.throttles > 0 ? "\(text) (after \(attempt.throttles) throttled)" : text
    }

    /// The text's first line, control characters as spaces, cut to `width` characters; `…` marks a cut.
    static func preview(_ text: String, width: Int) -> String {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let line = String(firstLine.map { ($0.asciiValue ?? 32) < 32 ? " " : $0 })
        guard line.count > width || firstLine.count < text.count else { return line }
        return String(line.prefix(width - 1)) + "…"
    }

    static func duration(_ microseconds: Int64) -> String {
        microseconds < 1_000_000 ? String(format: "%.1f ms", Double(microseconds) / 1000) : String(format: "%.2f s", Double(microseconds) / 1_000_000)
    }

    private static func short(_ id: String?) -> String {
        id.map { String($0.prefix(8)) } ?? "-"
    }

    private static func receives(_ count: Int) -> String {
        count == 1 ? "1 receive" : "\(count) receives"
    }
}
