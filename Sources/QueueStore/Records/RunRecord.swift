import GRDB

/// One `queuelab start` on the state file: when it ran and what it ran, so that `queuelab report`
/// can price a run and chart it without the manifest.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"

    /// A function as it ran: what the cost estimate and the report's tables need.
    public struct Function: Codable, Sendable, Equatable {
        public var name: String
        public var memorySize: Int
        public var timeout: Int
        public var reservedConcurrency: Int?
        public var provisionedConcurrency: Int

        public init(name: String, memorySize: Int, timeout: Int, reservedConcurrency: Int?, provisionedConcurrency: Int) {
            self.name = name
            self.memorySize = memorySize
            self.timeout = timeout
            self.reservedConcurrency = reservedConcurrency
            self.provisionedConcurrency = provisionedConcurrency
        }
    }

    /// An event source mapping as it ran.
    public struct Mapping: Codable, Sendable, Equatable {
        public var id: String
        public var queueName: String
        public var functionName: String
        public var batchSize: Int
        public var maximumConcurrency: Int?

        public init(id: String, queueName: String, functionName: String, batchSize: Int, maximumConcurrency: Int?) {
            self.id = id
            self.queueName = queueName
            self.functionName = functionName
            self.batchSize = batchSize
            self.maximumConcurrency = maximumConcurrency
        }
    }

    public var id: Int64?
    /// Milliseconds since the epoch.
    public var startedAt: Int64
    /// When it stopped gracefully; `nil` while it runs, or if it was killed.
    public var endedAt: Int64?
    /// The last time it wrote a sample: where a killed run ended.
    public var lastSampleAt: Int64?
    public var functions: [Function]
    public var mappings: [Mapping]

    public init(startedAt: Int64, functions: [Function], mappings: [Mapping]) {
        self.startedAt = startedAt
        self.functions = functions
        self.mappings = mappings
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let endedAt = Column(CodingKeys.endedAt)
        public static let lastSampleAt = Column(CodingKeys.lastSampleAt)
    }
}
