import StrictJSON

extension QueueRecord {
    static let settableNames: Set<String> = [
        "DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "Policy",
        "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "RedrivePolicy", "RedriveAllowPolicy",
        "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled",
        "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit",
    ]
    static let fifoOnlyNames: Set<String> = ["ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"]
    public static let readableNames: Set<String> = settableNames.union([
        "All", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
        "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn",
        "FifoQueue",
    ])

    /// Applies client-supplied attributes, validating names and ranges as SQS does.
    /// The RedrivePolicy's target is checked by the store, which can see other queues.
    mutating func apply(_ attributes: [String: String], creating: Bool) throws(SQSError) {
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if name == "FifoQueue" && (creating || fifoQueue) {
                // A FIFO queue may restate its type, never change it (LocalStack's AWS-validated
                // test_set_unsupported_attribute_fifo; the message as LocalStack and YDB's SQS give it).
                // On a standard queue FifoQueue stays an unknown attribute, as AWS answers.
                guard creating || value.lowercased() == "true" else {
                    throw SQSError(.invalidAttributeValue, "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.")
                }
                continue
            }
            guard Self.settableNames.contains(name), fifoQueue || !Self.fifoOnlyNames.contains(name) else {
                throw SQSError(.invalidAttributeName, "Unknown Attribute \(name).")
            }
            try apply(name: name, value: value)
        }
    }

    private mutating func apply(name: String, value: String) throws(SQSError) {
        func integer(_ range: ClosedRange<Int>) throws(SQSError) -> Int {
            guard let number = Int(value), range.contains(number) else {
                throw SQSError(.invalidAttributeValue, "Invalid value for the parameter \(name).")
            }
            return number
        }
        func boolean() throws(SQSError) -> Bool {
            switch value.lowercased() {
            case "true": return true
            case "false": return false
            default: throw SQSError(.invalidAttributeValue, "Invalid value for the parameter \(name).")
            }
        }
        func oneOf(_ allowed: [String]) throws(SQSError) -> String {
            guard allowed.contains(value) else {
                throw SQSError(.invalidAttributeValue, "Invalid value for the parameter \(name).")
            }
            return value
        }
        switch name {
        case "DelaySeconds": delaySeconds = try integer(0...900)
        case "MaximumMessageSize": maximumMessageSize = try integer(1024...1_048_576)
        case "MessageRetentionPeriod": messageRetentionPeriod = try integer(60...1_209_600)
        case "ReceiveMessageWaitTimeSeconds": receiveMessageWaitTimeSeconds = try integer(0...20)
        case "VisibilityTimeout": visibilityTimeout = try integer(0...43_200)
        case "KmsDataKeyReusePeriodSeconds": kmsDataKeyReusePeriodSeconds = try integer(60...86_400)
        case "SqsManagedSseEnabled": sqsManagedSseEnabled = try boolean()
        case "ContentBasedDeduplication": contentBasedDeduplication = try boolean()
        case "DeduplicationScope": deduplicationScope = try oneOf(["messageGroup", "queue"])
        case "FifoThroughputLimit": fifoThroughputLimit = try oneOf(["perQueue", "perMessageGroupId"])
        case "KmsMasterKeyId": kmsMasterKeyId = value.isEmpty ? nil : value
        case "Policy":
            // Not enforced, but kept only if it is a JSON object, as SQS requires (read as AddPermission reads it).
            guard value.isEmpty || (try? AccessPolicy(parsing: value)) != nil else {
                throw SQSError(.invalidAttributeValue, "Invalid value for the parameter \(name).")
            }
            policy = value.isEmpty ? nil : value
        case "RedrivePolicy": redrivePolicy = value.isEmpty ? nil : try Self.parseRedrivePolicy(value)
        case "RedriveAllowPolicy": redriveAllowPolicy = value.isEmpty ? nil : try Self.validateRedriveAllowPolicy(value)
        default: throw SQSError(.invalidAttributeName, "Unknown Attribute \(name).")
        }
    }

    static func parseRedrivePolicy(_ value: String) throws(SQSError) -> RedrivePolicy {
        func invalid(_ reason: String) -> SQSError {
            .invalidParameter("RedrivePolicy", value, reason: reason)
        }
        guard let object = jsonObject(value) else {
            throw invalid("Redrive policy is not a valid JSON map.")
        }
        guard case .string(let arn)? = object["deadLetterTargetArn"], arn.hasPrefix("arn:") else {
            throw invalid("Redrive policy does not contain mandatory attribute: deadLetterTargetArn.")
        }
        // A number, or a number in a string (as CloudFormation templates often write it).
        let count: Int? = switch object["maxReceiveCount"] {
        case .integer(let count)?: count
        case .string(let text)?: Int(text)
        default: nil
        }
        guard let count else {
            throw invalid("Redrive policy does not contain mandatory attribute: maxReceiveCount.")
        }
        guard (1...1000).contains(count) else {
            throw invalid("Invalid value for maxReceiveCount: \(count), valid values are from 1 to 1000 both inclusive.")
        }
        return RedrivePolicy(deadLetterTargetArn: arn, maxReceiveCount: count)
    }

    static func validateRedriveAllowPolicy(_ value: String) throws(SQSError) -> String {
        func invalid(_ reason: String) -> SQSError {
            .invalidParameter("RedriveAllowPolicy", value, reason: reason)
        }
        guard let object = jsonObject(value), case .string(let permission)? = object["redrivePermission"]
        else { throw invalid("Amazon SQS can't parse the RedriveAllowPolicy. Make sure the policy is valid JSON with a redrivePermission.") }
        let sources = sourceQueueArns(in: object)
        switch permission {
        case "allowAll", "denyAll":
            if !sources.isEmpty { throw invalid("sourceQueueArns can be specified only when redrivePermission is byQueue.") }
        case "byQueue":
            if !(1...10).contains(sources.count) { throw invalid("byQueue requires between 1 and 10 sourceQueueArns.") }
        default:
            throw invalid("redrivePermission must be one of allowAll, denyAll, byQueue.")
        }
        return value
    }

    /// Whether this queue lets `sourceArn` use it as a dead-letter queue.
    func allowsRedrive(from sourceArn: String) -> Bool {
        guard let redriveAllowPolicy, let object = Self.jsonObject(redriveAllowPolicy) else { return true }
        switch object["redrivePermission"] {
        case .string("denyAll")?: return false
        case .string("byQueue")?: return Self.sourceQueueArns(in: object).contains(sourceArn)
        default: return true
        }
    }

    /// A policy attribute's JSON object, read with the parser every request uses.
    private static func jsonObject(_ text: String) -> [String: JSONValue]? {
        guard case .object(let members)? = try? JSONParser.parse(Array(text.utf8)) else { return nil }
        return members
    }

    private static func sourceQueueArns(in redriveAllowPolicy: [String: JSONValue]) -> [String] {
        guard case .array(let arns)? = redriveAllowPolicy["sourceQueueArns"] else { return [] }
        return arns.compactMap { arn in
            guard case .string(let text) = arn else { return nil }
            return text
        }
    }

    /// The attributes GetQueueAttributes returns for `names` (`All` selects every one).
    func attributeValues(_ names: [String], counts: QueueCounts) throws(SQSError) -> [String: String] {
        for name in names where !Self.readableNames.contains(name) {
            throw SQSError(.invalidAttributeName, "Unknown Attribute \(name).")
        }
        var values: [String: String] = [
            "ApproximateNumberOfMessages": String(counts.visible),
            "ApproximateNumberOfMessagesNotVisible": String(counts.inFlight),
            "ApproximateNumberOfMessagesDelayed": String(counts.delayed),
            "CreatedTimestamp": String(createdAt / 1000),
            "LastModifiedTimestamp": String(lastModifiedAt / 1000),
            "QueueArn": arn,
            "DelaySeconds": String(delaySeconds),
            "MaximumMessageSize": String(maximumMessageSize),
            "MessageRetentionPeriod": String(messageRetentionPeriod),
            "ReceiveMessageWaitTimeSeconds": String(receiveMessageWaitTimeSeconds),
            "VisibilityTimeout": String(visibilityTimeout),
            "SqsManagedSseEnabled": String(sqsManagedSseEnabled),
        ]
        values["Policy"] = policy
        values["RedriveAllowPolicy"] = redriveAllowPolicy
        values["KmsMasterKeyId"] = kmsMasterKeyId
        values["KmsDataKeyReusePeriodSeconds"] = kmsMasterKeyId == nil ? nil : String(kmsDataKeyReusePeriodSeconds ?? 300)
        values["RedrivePolicy"] = redrivePolicy?.json
        if fifoQueue {
            values["FifoQueue"] = "true"
            values["ContentBasedDeduplication"] = String(contentBasedDeduplication)
            values["DeduplicationScope"] = deduplicationScope ?? "queue"
            values["FifoThroughputLimit"] = fifoThroughputLimit ?? "perQueue"
        }
        if names.contains("All") { return values }
        return values.filter { names.contains($0.key) }
    }
}

extension QueueRecord {
    /// The settable attributes of a queue created without any, as GetQueueAttributes shows them
    /// (an unset policy as `""`, which SetQueueAttributes takes to remove it).
    public static func defaultAttributes(fifo: Bool) -> [String: String] {
        var queue = QueueRecord(name: fifo ? "defaults.fifo" : "defaults", accountId: "", region: "", createdAt: 0, lastModifiedAt: 0)
        queue.fifoQueue = fifo
        // Every name is known to attributeValues: it cannot fail.
        let values = (try? queue.attributeValues(["All"], counts: QueueCounts())) ?? [:]
        var defaults: [String: String] = [:]
        for name in settableNames where fifo || !fifoOnlyNames.contains(name) { defaults[name] = values[name] ?? "" }
        return defaults
    }

    /// Messages sent at or before this time have outlived the retention period.
    func retentionCutoff(now: Int64) -> Int64 {
        now - Int64(messageRetentionPeriod) * 1000
    }
}
