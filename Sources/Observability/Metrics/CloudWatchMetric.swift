/// The metrics `GET /metrics` exports: the CloudWatch metrics of AWS/Lambda and AWS/SQS that the
/// runtime can measure, each under the Prometheus name that Prometheus' own CloudWatch exporter
/// (github.com/prometheus/cloudwatch_exporter, `CloudWatchCollector`) gives it: the namespace in
/// lower case, `_`, the metric name in snake case (an `_` before each capital that follows a
/// lower-case letter or a digit, then all lower case), any other character than `[a-zA-Z0-9:_]`
/// made `_` and runs of `_` merged; each dimension becomes a label named the same way. So
/// `AWS/SQS` `ApproximateNumberOfMessagesVisible` by `QueueName` is
/// `aws_sqs_approximate_number_of_messages_visible{queue_name="…"}`, and dashboards and alerts
/// written against that exporter read QueueLab too. Only the exporter's statistic suffix (`_sum`,
/// `_maximum`, …) is left off: these are raw counters, gauges and a histogram, not statistics of a
/// CloudWatch period. (Prometheus' Python client, like other OpenMetrics readers, shows a counter
/// family's samples with `_total` appended.)
struct CloudWatchMetric: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Advanced by what a snapshot's running total grew since the previous one.
        case counter
        /// Set to the snapshot's value.
        case gauge
        /// Each new value recorded, in `MetricsPublisher.durationBuckets`.
        case histogram
    }

    let namespace: String
    let name: String
    let dimension: String
    let kind: Kind

    /// The Lambda metrics, by `FunctionName`.
    static let invocations = lambda("Invocations", .counter)
    static let errors = lambda("Errors", .counter)
    static let throttles = lambda("Throttles", .counter)
    static let concurrentExecutions = lambda("ConcurrentExecutions", .gauge)
    static let provisionedConcurrentExecutions = lambda("ProvisionedConcurrentExecutions", .gauge)
    /// In milliseconds, as CloudWatch's `Duration`.
    static let duration = lambda("Duration", .histogram)

    /// The SQS metrics, by `QueueName`.
    static let messagesVisible = sqs("ApproximateNumberOfMessagesVisible", .gauge)
    static let messagesNotVisible = sqs("ApproximateNumberOfMessagesNotVisible", .gauge)
    static let messagesDelayed = sqs("ApproximateNumberOfMessagesDelayed", .gauge)
    /// In seconds, 0 for a queue without messages (CloudWatch reports nothing then).
    static let ageOfOldestMessage = sqs("ApproximateAgeOfOldestMessage", .gauge)
    static let messagesSent = sqs("NumberOfMessagesSent", .counter)
    static let messagesReceived = sqs("NumberOfMessagesReceived", .counter)
    static let messagesDeleted = sqs("NumberOfMessagesDeleted", .counter)

    static let all: [CloudWatchMetric] = [
        invocations, errors, throttles, concurrentExecutions, provisionedConcurrentExecutions, duration,
        messagesVisible, messagesNotVisible, messagesDelayed, ageOfOldestMessage, messagesSent, messagesReceived,
        messagesDeleted,
    ]

    private static func lambda(_ name: String, _ kind: Kind) -> CloudWatchMetric {
        CloudWatchMetric(namespace: "AWS/Lambda", name: name, dimension: "FunctionName", kind: kind)
    }

    private static func sqs(_ name: String, _ kind: Kind) -> CloudWatchMetric {
        CloudWatchMetric(namespace: "AWS/SQS", name: name, dimension: "QueueName", kind: kind)
    }

    /// E.g. `aws_lambda_concurrent_executions`.
    var prometheusName: String {
        Self.safeName(namespace.lowercased() + "_" + Self.snakeCase(name))
    }

    /// E.g. `function_name`.
    var labelName: String {
        Self.safeName(Self.snakeCase(dimension))
    }

    /// The exporter's `toSnakeCase`: `([a-z0-9])([A-Z])` → `$1_$2`, then lower case.
    private static func snakeCase(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character.isASCII, character.isUppercase, let previous, previous.isASCII,
                previous.isLowercase || previous.isNumber
            {
                result.append("_")
            }
            result.append(character)
            previous = character
        }
        return result.lowercased()
    }

    /// The exporter's `safeName`: `[^a-zA-Z0-9:_]` → `_`, then runs of `_` merged.
    private static func safeName(_ name: String) -> String {
        var result = ""
        for character in name {
            let safe: Character = character.isASCII && (character.isLetter || character.isNumber || character == ":") ? character : "_"
            if safe == "_" && result.last == "_" { continue }
            result.append(safe)
        }
        return result
    }
}
