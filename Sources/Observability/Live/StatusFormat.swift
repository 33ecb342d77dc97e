/// How the live view writes numbers: short, fixed units, `-` for what is not known. Shared by the
/// board and the plain status line so both say the same thing the same way.
enum StatusFormat {
    /// `3/5` against a reserved limit, `3` on the unreserved pool.
    static func concurrency(_ function: FunctionStatus) -> String {
        guard let reserved = function.reservedConcurrency else { return String(function.concurrentExecutions) }
        return "\(function.concurrentExecutions)/\(reserved)"
    }

    /// Warm provisioned environments against those configured, `-` without provisioned concurrency.
    static func provisioned(_ function: FunctionStatus) -> String {
        guard function.provisionedConcurrency > 0 else { return "-" }
        return "\(function.provisionedWarm)/\(function.provisionedConcurrency)"
    }

    /// The dead-letter queue's depth, `-` for a queue without one.
    static func deadLetterDepth(_ queue: QueueStatus) -> String {
        guard queue.deadLetterQueue != nil else { return "-" }
        return String(queue.deadLetterDepth ?? 0)
    }

    /// `850us`, `4.2ms`, `120ms`, `1.5s`, `2m05s`.
    static func duration(_ duration: Duration?) -> String {
        guard let duration else { return "-" }
        let milliseconds = duration.fractionalMilliseconds
        if milliseconds < 1 { return "\(Int((milliseconds * 1000).rounded()))us" }
        if milliseconds < 9.95 { return oneDecimal(milliseconds) + "ms" }
        if milliseconds < 999.5 { return "\(Int(milliseconds.rounded()))ms" }
        if milliseconds < 59_950 { return oneDecimal(milliseconds / 1000) + "s" }
        return age(milliseconds / 1000)
    }

    /// `12s`, `3m04s`, `2h05m`; for the oldest message's age and the uptime.
    static func age(_ seconds: Double?) -> String {
        guard let seconds else { return "-" }
        let whole = Int(seconds.rounded(.down))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + twoDigits(whole % 60) + "s" }
        return "\(whole / 3600)h" + twoDigits(whole / 60 % 60) + "m"
    }

    /// Messages per second: `0`, `3.5`, `120`.
    static func rate(_ perSecond: Double) -> String {
        if perSecond <= 0 { return "0" }
        if perSecond < 99.95 { return oneDecimal(perSecond) }
        return String(Int(perSecond.rounded()))
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
