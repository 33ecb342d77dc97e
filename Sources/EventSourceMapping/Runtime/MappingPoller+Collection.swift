import QueueStore
import ServiceLifecycle

extension MappingPoller {
    /// Receives one batch: long-polls until a message arrives, then, with a batching window, keeps
    /// receiving until the batch is full, the window ends or the 6 MB are reached. `nil` when a long
    /// poll found nothing (or the runtime is stopping).
    func collect(carrying carried: CarriedMessages) async -> CollectedBatch? {
        var batch = CollectedBatch(
            collector: BatchCollector(batchSize: mapping.batchSize), attemptId: nil,
            visibleUntil: carried.visibleUntil, overflow: CarriedMessages())
        if !carried.messages.isEmpty {
            // They waited out the previous batch's invocation: a full visibility timeout again.
            let visibleUntil = await renewVisibility(of: carried.messages) ?? carried.visibleUntil
            add(carried.messages, visibleUntil: visibleUntil, to: &batch)
            if settings.recordsAttempts {
                do {
                    batch.attemptId = try await store.startDelivery(source, messages: batch.collector.messages)
                } catch {
                    logger.error("event source mapping \(mapping.functionName) ← \(mapping.queueName): could not record a batch: \(error)")
                }
            }
        }
        let window = Int64(mapping.maximumBatchingWindow) * 1000
        var windowEnds: Int64? = window > 0 && !batch.collector.isEmpty ? now + window : nil
        while !batch.collector.isFull {
            let wait: Duration
            if batch.collector.isEmpty {
                wait = settings.rates.longPollWait
            } else if let windowEnds {
                let remaining = windowEnds - now
                guard remaining > 0, !Task.isShuttingDownGracefully else { break }
                wait = .milliseconds(remaining)
            } else {
                break
            }
            let request = ReceiveRequest(
                maxMessages: batch.collector.wanted, visibilityTimeout: mapping.visibilityTimeout,
                systemAttributeNames: ["All"], messageAttributeNames: ["All"])
            let recording: DeliveryRecording? = settings.recordsAttempts
                ? batch.attemptId.map { .append(attemptId: $0) } ?? .start(source) : nil
            let delivery: Delivery
            do {
                delivery = try await cancelWhenGracefulShutdown { [store, mapping] in
                    try await store.receive(fromQueue: mapping.queueName, request, wait: wait, recording: recording)
                }
            } catch {
                await pauseAfterFailedReceive(error)
                break
            }
            if batch.attemptId == nil { batch.attemptId = delivery.attemptId }
            if delivery.messages.isEmpty {
                if batch.collector.isEmpty {
                    scaling.queueEmpty()
                    return nil
                }
                continue
            }
            if delivery.messages.count == request.maxMessages { messagesWaiting() }
            add(delivery.messages, visibleUntil: delivery.visibleUntil, to: &batch)
            if windowEnds == nil, window > 0 { windowEnds = now + window }
        }
        return batch.collector.isEmpty ? nil : batch
    }

    private func add(_ messages: [ReceivedMessage], visibleUntil: Int64, to batch: inout CollectedBatch) {
        batch.visibleUntil = min(batch.visibleUntil, visibleUntil)
        for message in messages {
            if batch.overflow.messages.isEmpty, batch.collector.add(message, record: encoder.encoded(encoder.record(for: message))) {
                continue
            }
            batch.overflow.messages.append(message)
            batch.overflow.visibleUntil = min(batch.overflow.visibleUntil, visibleUntil)
        }
    }

    /// Gives messages held for the next batch a whole visibility timeout again; when they become
    /// visible again, or `nil` if the store refused (they then keep the one they had).
    private func renewVisibility(of messages: [ReceivedMessage]) async -> Int64? {
        do {
            let timeout: Int
            if let effective = mapping.visibilityTimeout {
                timeout = effective
            } else {
                timeout = try await store.queue(named: mapping.queueName).visibilityTimeout
            }
            let renewedAt = now
            let results = try await store.changeVisibility(
                ofQueue: mapping.queueName, messages.map { ($0.receiptHandle, timeout) }, onlyIfStillHeld: true)
            return results.allSatisfy({ (try? $0.get()) != nil }) ? renewedAt + Int64(timeout) * 1000 : nil
        } catch {
            return nil
        }
    }

    /// What the batches' attempts are recorded for.
    var source: DeliverySource {
        DeliverySource(functionName: mapping.functionName, mappingId: mapping.id, queueName: mapping.queueName)
    }

    /// The queue is gone or the store failed: say so, and wait a little before polling again.
    private func pauseAfterFailedReceive(_ error: any Error) async {
        logger.warning("event source mapping \(mapping.functionName) ← \(mapping.queueName): receive failed: \(error)")
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
    }
}
