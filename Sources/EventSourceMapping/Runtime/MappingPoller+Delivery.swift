import FunctionHost
import Primitives
import QueueStore
import ServiceLifecycle
import StrictJSON

extension MappingPoller {
    /// Filters the batch, invokes the function with what is left (again and again while it is
    /// throttled, as long as an invocation could end before the messages' visibility timeout),
    /// and settles the batch in one transaction: deletes what succeeded or was filtered out, and
    /// records the attempt. Returns the messages that open the poller's next batch.
    func deliver(_ batch: CollectedBatch) async -> CarriedMessages {
        let messages = batch.collector.messages
        var completion = DeliveryCompletion(attemptId: batch.attemptId, outcome: .filtered)
        completion.carriedOver = batch.overflow.messages.map(\.messageId)
        var matched: [(message: ReceivedMessage, record: [UInt8])] = []
        for (message, record) in zip(messages, batch.collector.records) {
            if mapping.filters.isEmpty || mapping.filters.matches(Self.filterable(message)) {
                matched.append((message, record))
            } else {
                completion.filteredOut.append(message.messageId)
                completion.deleting.append(message.receiptHandle)
            }
        }
        if !matched.isEmpty {
            let payload = matched.count == messages.count ? batch.collector.payload : EventRecordEncoder.payload(matched.map(\.record))
            guard await invoke(matched.map(\.message), payload: payload, visibleUntil: batch.visibleUntil, into: &completion) else {
                return batch.overflow  // The host is stopping: the attempt stays in progress and becomes "interrupted".
            }
        }
        do {
            try await store.completeDelivery(completion, inQueue: mapping.queueName)
        } catch {
            logger.error("event source mapping \(mapping.functionName) ← \(mapping.queueName): could not settle a batch: \(error)")
        }
        guard mapping.isFifo else { return batch.overflow }
        let deleted = Set(completion.deleting)
        let failedGroups = Set(matched.map(\.message).filter { !deleted.contains($0.receiptHandle) }.map { $0.attributes["MessageGroupId"] ?? "" })
        return await releaseHeldBack(batch.overflow, behind: failedGroups)
    }

    /// FIFO: a carried message whose group just failed must not run ahead of the failed one. It
    /// goes back to the queue at once, where SQS keeps it behind its group's message in flight.
    private func releaseHeldBack(_ carried: CarriedMessages, behind failedGroups: Set<String>) async -> CarriedMessages {
        guard !failedGroups.isEmpty else { return carried }
        let (released, kept) = (
            carried.messages.filter { failedGroups.contains($0.attributes["MessageGroupId"] ?? "") },
            carried.messages.filter { !failedGroups.contains($0.attributes["MessageGroupId"] ?? "") })
        guard !released.isEmpty else { return carried }
        do {
            _ = try await store.changeVisibility(ofQueue: mapping.queueName, released.map { ($0.receiptHandle, 0) }, onlyIfStillHeld: true)
        } catch {
            logger.warning("event source mapping \(mapping.functionName) ← \(mapping.queueName): could not release held-back messages: \(error)")
        }
        return CarriedMessages(messages: kept, visibleUntil: kept.isEmpty ? .max : carried.visibleUntil)
    }

    /// Runs the batch through the function and fills in the completion; `false` if the host stopped.
    private func invoke(
        _ messages: [ReceivedMessage], payload: [UInt8], visibleUntil: Int64, into completion: inout DeliveryCompletion
    ) async -> Bool {
        var retry = ThrottleRetry(
            rates: settings.rates, visibleUntil: visibleUntil, functionTimeout: Int64((mapping.functionTimeout * 1000).rounded(.up)))
        defer { completion.throttles = retry.throttles }
        while true {
            let invokedAt = now
            do {
                // Not observed: the mapping records its own attempt, with the batch's messages.
                let result = try await host.invoke(function: mapping.functionName, payload: payload, options: InvokeOptions(observed: false))
                settle(messages, result: result, invokedAt: invokedAt, into: &completion)
                return true
            } catch .throttled(let reason) {
                scaling.backOff(at: now)
                switch retry.throttled(at: now) {
                case .retry(let at) where await waitToRetry(until: at):
                    continue
                case .retry, .release:
                    completion.outcome = .throttled
                    completion.invokedAt = invokedAt
                    let refusal = InvokeError.throttled(reason)
                    completion.errorType = refusal.code
                    completion.errorMessage = refusal.detailedMessage + "; the messages return after the visibility timeout"
                    return true
                }
            } catch .hostStopped {
                return false
            } catch {
                // The host refused the invoke itself, e.g. a payload over its limit: the batch
                // stays, comes back, and will end in the dead-letter queue without having run.
                logger.error("event source mapping \(mapping.functionName) ← \(mapping.queueName): the function host refused a batch: \(error)")
                completion.outcome = .invokeRejected
                completion.invokedAt = invokedAt
                completion.errorType = error.code
                completion.errorMessage = error.detailedMessage
                return true
            }
        }
    }

    /// Sleeps until the retry; `false` when the runtime began shutting down meanwhile.
    private func waitToRetry(until time: Int64) async -> Bool {
        let delay = Duration.milliseconds(max(time - now, 0))
        do {
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
        } catch {
            return false
        }
        return !Task.isShuttingDownGracefully
    }

    private func settle(_ messages: [ReceivedMessage], result: InvocationResult, invokedAt: Int64, into completion: inout DeliveryCompletion) {
        let verdict = BatchVerdict(
            result, messageIds: messages.map(\.messageId), reportsBatchItemFailures: mapping.reportsBatchItemFailures)
        completion.outcome = verdict.outcome
        completion.requestId = result.requestID
        completion.coldStart = result.initDuration != nil
        completion.invokedAt = invokedAt
        completion.durationMicroseconds = result.duration?.wholeMicroseconds
        completion.errorType = verdict.errorType
        completion.errorMessage = verdict.errorMessage
        completion.deleting += messages.filter { !verdict.kept.contains($0.messageId) }.map(\.receiptHandle)
        if verdict.outcome == .batchItemFailures {
            completion.reportedFailed = messages.map(\.messageId).filter(verdict.kept.contains)
            if mapping.isFifo { warnIfOrderBroken(messages, kept: verdict.kept) }
        }
        // Lambda backs off on failures, except with ReportBatchItemFailures, which isolates them.
        if !verdict.kept.isEmpty, !mapping.reportsBatchItemFailures { scaling.backOff(at: now) }
    }

    /// A FIFO handler that lists a failed message but not the later messages of its group lets
    /// those be deleted ahead of it, on AWS as here; AWS's guide asks the handler to stop at the
    /// first failure and list the rest. Say so rather than hide it.
    private func warnIfOrderBroken(_ messages: [ReceivedMessage], kept: Set<String>) {
        var failedGroups: Set<String> = []
        for message in messages {
            let group = message.attributes["MessageGroupId"] ?? ""
            if kept.contains(message.messageId) {
                failedGroups.insert(group)
            } else if failedGroups.contains(group) {
                logger.warning("""
                    \(mapping.functionName): message \(message.messageId) of FIFO group \(group) succeeded after an earlier \
                    message of its group failed, so it is deleted ahead of it and the group's order is broken; list every \
                    message after the first failure in batchItemFailures
                    """)
                return
            }
        }
    }

    /// The message as filter patterns see it: body, system attributes and message attributes.
    static func filterable(_ message: ReceivedMessage) -> JSONValue {
        let attributes = message.attributes.mapValues(JSONValue.string)
        let messageAttributes = message.messageAttributes.mapValues { value -> JSONValue in
            var fields: [String: JSONValue] = ["dataType": .string(value.dataType)]
            if let string = value.stringValue, !value.isBinary { fields["stringValue"] = .string(string) }
            if let binary = value.binaryValue { fields["binaryValue"] = .string(binary.base64EncodedString()) }
            return .object(fields)
        }
        return ["body": .string(message.body), "attributes": .object(attributes), "messageAttributes": .object(messageAttributes)]
    }
}
