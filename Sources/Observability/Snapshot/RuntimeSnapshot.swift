import Foundation

/// What a running runtime is doing at one moment: the live status view draws it, the `/metrics`
/// endpoint exports it, and the run recorder persists its queue part for `queuelab report`.
public struct RuntimeSnapshot: Sendable, Equatable {
    /// When it was taken.
    public var takenAt: Date
    /// Seconds since the runtime started.
    public var uptime: Double
    /// Every function of the manifest, by name.
    public var functions: [FunctionStatus]
    /// Every queue in the state file, by name.
    public var queues: [QueueStatus]

    public init(takenAt: Date, uptime: Double, functions: [FunctionStatus], queues: [QueueStatus]) {
        self.takenAt = takenAt
        self.uptime = uptime
        self.functions = functions
        self.queues = queues
    }
}

/// One function: its concurrency now and its counters since the runtime started.
public struct FunctionStatus: Sendable, Equatable {
    public var name: String
    public var memorySize: Int
    /// Executions running now (CloudWatch's ConcurrentExecutions).
    public var concurrentExecutions: Int
    /// Reserved concurrency; `nil` draws on the account's unreserved pool.
    public var reservedConcurrency: Int?
    public var provisionedConcurrency: Int
    /// Provisioned environments initialised and alive.
    public var provisionedWarm: Int
    /// Invocations that ran (CloudWatch's Invocations: throttled requests are not counted).
    public var invocations: Int
    public var coldStarts: Int
    /// Invoke requests refused for lack of concurrency.
    public var throttles: Int
    /// Invocations that ended in any failure (function error, timeout, out of memory, crash, ...).
    public var errors: Int
    public var timeouts: Int
    /// Median and 99th percentile of the durations of invocations that ended in the last 10 s.
    public var recentDurationP50: Duration?
    public var recentDurationP99: Duration?
    /// Durations of invocations that ended since the previous snapshot, oldest first.
    public var newDurations: [Duration]

    public init(
        name: String, memorySize: Int, concurrentExecutions: Int = 0, reservedConcurrency: Int? = nil,
        provisionedConcurrency: Int = 0, provisionedWarm: Int = 0, invocations: Int = 0, coldStarts: Int = 0,
        throttles: Int = 0, errors: Int = 0, timeouts: Int = 0, recentDurationP50: Duration? = nil,
        recentDurationP99: Duration? = nil, newDurations: [Duration] = []
    ) {
        self.name = name
        self.memorySize = memorySize
        self.concurrentExecutions = concurrentExecutions
        self.reservedConcurrency = reservedConcurrency
        self.provisionedConcurrency = provisionedConcurrency
        self.provisionedWarm = provisionedWarm
        self.invocations = invocations
        self.coldStarts = coldStarts
        self.throttles = throttles
        self.errors = errors
        self.timeouts = timeouts
        self.recentDurationP50 = recentDurationP50
        self.recentDurationP99 = recentDurationP99
        self.newDurations = newDurations
    }
}

/// One queue: its depth now, and its counters since the runtime started.
public struct QueueStatus: Sendable, Equatable {
    public var name: String
    public var visible: Int
    public var inFlight: Int
    public var delayed: Int
    /// Its dead-letter queue and that queue's depth (visible + in flight + delayed), when it has one.
    public var deadLetterQueue: String?
    public var deadLetterDepth: Int?
    /// Age of the oldest message, in seconds (CloudWatch's ApproximateAgeOfOldestMessage).
    public var oldestMessageAge: Double?
    /// Messages sent (by SendMessage, SendMessageBatch, a dead-letter move or a redrive).
    public var sent: Int
    /// Messages received (each receive of a message counts).
    public var received: Int
    public var deleted: Int
    /// Messages this queue moved to its dead-letter queue.
    public var deadLettered: Int
    /// SQS API requests against the queue (the unit AWS bills).
    public var requests: Int
    /// Messages received and deleted per second, over the last few seconds.
    public var receiveRate: Double
    public var deleteRate: Double

    public init(
        name: String, visible: Int = 0, inFlight: Int = 0, delayed: Int = 0, deadLetterQueue: String? = nil,
        deadLetterDepth: Int? = nil, oldestMessageAge: Double? = nil, sent: Int = 0, received: Int = 0, deleted: Int = 0,
        deadLettered: Int = 0, requests: Int = 0, receiveRate: Double = 0, deleteRate: Double = 0
    ) {
        self.name = name
        self.visible = visible
        self.inFlight = inFlight
        self.delayed = delayed
        self.deadLetterQueue = deadLetterQueue
        self.deadLetterDepth = deadLetterDepth
        self.oldestMessageAge = oldestMessageAge
        self.sent = sent
        self.received = received
        self.deleted = deleted
        self.deadLettered = deadLettered
        self.requests = requests
        self.receiveRate = receiveRate
        self.deleteRate = deleteRate
    }
}
