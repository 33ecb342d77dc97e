import QueueStore

extension SQSActions {
    func startMessageMoveTask(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let handle = try await store.startMessageMoveTask(
            sourceArn: try input.string("SourceArn"), destinationArn: try input.optionalString("DestinationArn"),
            maxPerSecond: try input.optionalInteger("MaxNumberOfMessagesPerSecond"))
        return .map(["TaskHandle": .string(handle)])
    }

    func cancelMessageMoveTask(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let moved = try await store.cancelMessageMoveTask(handle: try input.string("TaskHandle"))
        return .map(["ApproximateNumberOfMessagesMoved": .integer(moved)])
    }

    func listMessageMoveTasks(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let tasks = try await store.listMessageMoveTasks(
            sourceArn: try input.string("SourceArn"), maxResults: try input.optionalInteger("MaxResults") ?? 1)
        return .map(["Results": .list(tasks.map { task in
            var members: [String: AWSValue] = [
                "Status": .string(task.status.rawValue),
                "SourceArn": .string(task.sourceArn),
                "ApproximateNumberOfMessagesMoved": .integer(task.messagesMoved),
                "ApproximateNumberOfMessagesToMove": .integer(task.messagesToMove),
                "StartedTimestamp": .integer(Int(task.startedAt)),
            ]
            if task.status == .running { members["TaskHandle"] = .string(task.handle) }
            if let destination = task.destinationArn { members["DestinationArn"] = .string(destination) }
            if let rate = task.maxNumberOfMessagesPerSecond { members["MaxNumberOfMessagesPerSecond"] = .integer(rate) }
            if let reason = task.failureReason { members["FailureReason"] = .string(reason) }
            return .map(members)
        })])
    }
}
