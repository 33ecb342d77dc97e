extension RunReport {
    typealias Table = (header: [String], rows: [[String]])

    /// Each failing function's errors by type, most frequent first, as one text.
    var errorsByFunction: [(function: String, errors: String)] {
        functions.filter { !$0.errors.isEmpty }.map { function in
            let errors = function.errors.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return (function.name, errors.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        }
    }

    var functionsTable: Table {
        (
            ["NAME", "MEMORY", "INVOCATIONS", "COLD", "THROTTLES", "ERRORS", "TIMEOUTS", "P50 MS", "P95 MS", "P99 MS", "PEAK CONC", "GB-S"],
            functions.map { function in
                [function.name, "\(function.memorySize) MB", "\(function.invocations)", "\(function.coldStarts)",
                 "\(function.throttles)", "\(function.errors.values.reduce(0, +))", "\(function.timeouts)",
                 Self.milliseconds(function.durationMs?.p50), Self.milliseconds(function.durationMs?.p95),
                 Self.milliseconds(function.durationMs?.p99),
                 "\(function.peakConcurrency)" + (function.reservedConcurrency.map { " / \($0)" } ?? ""),
                 String(format: "%.3f", function.gbSeconds)]
            })
    }

    var mappingsTable: Table {
        (
            ["QUEUE → FUNCTION", "BATCH SIZE", "BATCHES", "MEAN BATCH", "PEAK CONC", "MEAN CONC"],
            mappings.map { mapping in
                ["\(mapping.queue) → \(mapping.function)", "\(mapping.batchSize)", "\(mapping.batches)",
                 String(format: "%.1f", mapping.meanBatchSize),
                 "\(mapping.peakConcurrency)" + (mapping.maximumConcurrency.map { " / \($0)" } ?? ""),
                 String(format: "%.2f", mapping.meanConcurrency)]
            })
    }

    var queuesTable: Table {
        (
            ["NAME", "SENT", "RECEIVED", "DELETED", "DEAD-LETTERED", "MAX AGE", "REQUESTS", "RECEIVES PER MESSAGE"],
            queues.map { queue in
                let distribution = queue.receiveCounts.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }
                    .map { "\($0.key)×: \($0.value)" }.joined(separator: ", ")
                return [queue.name, "\(queue.sent)", "\(queue.received)", "\(queue.deleted)", "\(queue.deadLettered)",
                        queue.maxAgeSeconds.map(Self.seconds) ?? "-", "\(queue.requests)", distribution.isEmpty ? "-" : distribution]
            })
    }

    var costTable: Table {
        (["ITEM", "QUANTITY", "PRICE", "DOLLARS"],
         cost.lines.map { line in
             [line.description, Self.quantity(line.quantity) + " " + line.unit, line.price, Self.dollars(line.dollars)]
         } + [["Total", "", "", Self.dollars(cost.totalDollars)]])
    }
}
