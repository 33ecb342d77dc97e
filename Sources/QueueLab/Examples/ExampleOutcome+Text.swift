import Foundation
import Observability
import Primitives
import QueueStore

extension ExampleOutcome {
    /// The run as `queuelab example` prints it: what was sent, the numbers per queue and function,
    /// each dead letter with its attempts, the attempts in order (for short runs), and what it shows.
    public var text: String {
        var lines = [scenario.title, "", scenario.summary, ""]
        let sentCount = queues.reduce(0) { $0 + $1.sent }
        lines.append("Sent \(sentCount) messages; every one was processed or dead-lettered after \(Self.seconds(elapsed)).")
        lines.append("")
        lines += TextTable.lines(
            ["QUEUE", "SENT", "PROCESSED", "DEAD-LETTERED"],
            queues.map { queue in
                let target = queue.deadLetterQueue.map { " → \($0) (after \(queue.maxReceiveCount ?? 0) receives)" } ?? ""
                return [queue.name, "\(queue.sent)", "\(queue.processed)", "\(queue.deadLettered)\(target)"]
            })
        lines.append("")
        lines += TextTable.lines(
            ["FUNCTION", "ATTEMPTS", "OUTCOMES", "THROTTLES", "COLD STARTS"],
            functions.map { function in
                let total = function.attempts.values.reduce(0, +)
                let outcomes = function.attempts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }
                    .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
                return [function.name, "\(total)", outcomes.isEmpty ? "-" : outcomes, "\(function.throttles)", "\(function.coldStarts)"]
            })
        let dead = messages.filter { if case .deadLettered = $0.fate { true } else { false } }
        if !dead.isEmpty {
            lines += ["", "Dead letters (each with every attempt that carried it):"]
            for story in dead {
                guard case .deadLettered(let queue) = story.fate else { continue }
                lines.append("  \"\(story.body)\" (\(story.messageId)) → \(queue) after \(story.history.count) attempts:")
                lines += story.history.map { "    " + attemptLine($0.attempt, status: $0.status) }
            }
        }
        let attempts = attempts
        if !attempts.isEmpty, attempts.count <= 30 {
            lines += ["", "Attempts in the order they started:"]
            for attempt in attempts {
                let bodies = messages.filter { story in story.history.contains { $0.attempt.id == attempt.id } }.map { "\"\($0.body)\"" }
                lines.append("  " + attemptLine(attempt, status: nil) + "  [" + bodies.joined(separator: ", ") + "]")
            }
        }
        lines += ["", "What happened:"] + scenario.explanation.map { "  " + $0 }
        lines += ["", "Function logs (START, END, REPORT and the handler's lines): \(logDirectory)/<function>.log"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func attemptLine(_ attempt: DeliveryAttempt, status: DeliveredMessageStatus?) -> String {
        var fields = [
            "+" + Self.seconds(.milliseconds(attempt.receivedAt - startedAt)), attempt.functionName, attempt.outcome.rawValue,
        ]
        if attempt.throttles > 0 { fields.append("throttled \(attempt.throttles)×") }
        if status == .reportedFailed { fields.append("listed in batchItemFailures") }
        if let errorType = attempt.errorType {
            fields.append(errorType + (attempt.errorMessage.map { ": " + $0 } ?? ""))
        }
        return fields.joined(separator: "  ")
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f s", Double(duration.wholeMilliseconds) / 1000)
    }
}
