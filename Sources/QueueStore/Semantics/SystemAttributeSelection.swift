/// The message system attributes a receive returns, worked out once per request from the names in
/// `MessageSystemAttributeNames` and the older `AttributeNames` together: `All`, or names.
public struct SystemAttributeSelection: Sendable, Equatable {
    public private(set) var selectsAll = false
    private var names: Set<String> = []

    public init(_ requested: [String]) {
        selectsAll = requested.contains("All")
        names = Set(requested)
    }

    public var selectsNone: Bool { !selectsAll && names.isEmpty }

    func includes(_ name: String) -> Bool { selectsAll || names.contains(name) }

    /// The selected attributes `record` has; the optional ones only when set.
    func values(of record: MessageRecord) -> [String: String] {
        if selectsNone { return [:] }
        var values: [String: String] = [:]
        func add(_ name: String, _ value: @autoclosure () -> String?) {
            if includes(name), let value = value() { values[name] = value }
        }
        add("SenderId", record.senderId)
        add("SentTimestamp", String(record.sentAt))
        add("ApproximateReceiveCount", String(record.receiveCount))
        add("ApproximateFirstReceiveTimestamp", String(record.firstReceivedAt ?? record.sentAt))
        add("AWSTraceHeader", record.awsTraceHeader)
        add("MessageGroupId", record.groupId)
        add("MessageDeduplicationId", record.deduplicationId)
        add("SequenceNumber", record.sequenceNumber)
        add("DeadLetterQueueSourceArn", record.deadLetterSourceArn)
        return values
    }
}
