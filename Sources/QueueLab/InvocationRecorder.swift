import EventSourceMapping
import Foundation
import FunctionHost
import Logging
import Primitives
import QueueStore

/// What the function host reports, written to the state file: every invocation through the Invoke
/// API and every asynchronous attempt becomes a delivery attempt, and a failed asynchronous event
/// becomes a message on its destination queue.
struct InvocationRecorder: Sendable {
    let store: QueueStore
    let logger: Logger

    func record(_ observation: InvocationObservation) async {
        let startedAt = Int64((observation.startedAt.timeIntervalSince1970 * 1000).rounded(.down))
        var attempt = DeliveryAttempt(
            functionName: observation.function, mappingId: nil, queueName: nil, receivedAt: startedAt, batchSize: 0,
            outcome: observation.result.map { DeliveryOutcome($0.outcome) } ?? .throttled)
        attempt.invocationType = observation.invocationType.rawValue
        attempt.invokedAt = startedAt
        if let result = observation.result {
            attempt.requestId = result.requestID
            attempt.coldStart = result.initDuration != nil
            attempt.durationMicroseconds = result.duration?.wholeMicroseconds
            attempt.endedAt = startedAt + (result.duration?.wholeMilliseconds ?? 0)
            attempt.errorType = result.error?.type
            attempt.errorMessage = result.error?.message
        } else {
            attempt.throttles = 1
            let refusal = observation.throttle.map(InvokeError.throttled)
            attempt.errorType = refusal?.code
            attempt.errorMessage = refusal?.detailedMessage
        }
        do {
            try await store.recordAttempt(attempt)
        } catch {
            logger.error("could not record an invocation of \(observation.function): \(error)")
        }
    }

    /// Sends a failed asynchronous event to its destination queue, named by its ARN.
    func send(_ message: AsyncFailureMessage) async throws {
        let name = QueueRecord.name(fromARN: message.destinationARN)
        let attributes = message.attributes.mapValues { MessageAttributeValue(dataType: $0.dataType, stringValue: $0.value) }
        let results = try await store.send(
            [OutgoingMessage(body: message.body, attributes: attributes)], toQueue: name, senderId: "lambda.amazonaws.com")
        for result in results { _ = try result.get() }
    }
}
