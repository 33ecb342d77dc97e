import FunctionHost
import QueueStore

/// Gathers one batch: at most `batchSize` messages and at most Lambda's 6 MB synchronous payload.
/// A message that would take the event past 6 MB closes the batch and waits for the next one.
struct BatchCollector {
    /// Lambda's limit on a synchronous invocation's payload.
    static let payloadLimit = FunctionHost.synchronousPayloadLimit

    let batchSize: Int
    private(set) var messages: [ReceivedMessage] = []
    private(set) var records: [[UInt8]] = []
    /// The size the event has with the records so far.
    private(set) var payloadBytes = EventRecordEncoder.envelopeHead.count + EventRecordEncoder.envelopeTail.count
    /// Set once a message did not fit.
    private(set) var closed = false

    init(batchSize: Int) {
        self.batchSize = batchSize
    }

    var isEmpty: Bool { messages.isEmpty }
    var isFull: Bool { closed || messages.count >= batchSize }
    /// How many more messages a receive should ask for (SQS returns at most 10 at a time).
    var wanted: Int { min(10, batchSize - messages.count) }

    /// Adds a message with its encoded record; `false` when it does not fit (the batch is then full).
    mutating func add(_ message: ReceivedMessage, record: [UInt8]) -> Bool {
        let added = record.count + (records.isEmpty ? 0 : 1)
        guard !isFull, payloadBytes + added <= Self.payloadLimit || records.isEmpty else {
            closed = true
            return false
        }
        messages.append(message)
        records.append(record)
        payloadBytes += added
        return true
    }

    var payload: [UInt8] { EventRecordEncoder.payload(records) }
}
