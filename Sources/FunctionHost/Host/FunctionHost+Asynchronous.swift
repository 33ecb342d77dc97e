import Foundation

extension FunctionHost {
    /// Runs one asynchronous event to success or until Lambda would give up on it, then sends it
    /// to the function's on-failure destination and dead-letter queue, if it has them.
    func runAsynchronously(_ event: AsyncEvent) async {
        guard let function = functions[event.function] else { return }
        var schedule = AsyncRetrySchedule(
            configuration: function.asyncInvoke, timings: configuration.asyncRetryTimings, queuedAt: event.queuedAt)
        var lastResult: InvocationResult?
        while true {
            let decision: AsyncRetrySchedule.Decision
            do {
                let result = try await invoke(
                    function: event.function, payload: event.payload,
                    options: InvokeOptions(requestID: event.requestID, invocationType: .event))
                if result.outcome == .succeeded { return }
                lastResult = result
                decision = schedule.functionFailed(at: .now)
            } catch .throttled {
                decision = schedule.throttled(at: .now, reservedConcurrency: function.reservedConcurrency)
            } catch {
                return  // The host is stopping.
            }
            switch decision {
            case .retry(let wait):
                do { try await Task.sleep(for: wait) } catch { return }
            case .giveUp(let condition):
                await giveUp(event, function: function, condition: condition, attempts: schedule.attempts, lastResult: lastResult)
                return
            }
        }
    }

    private func giveUp(
        _ event: AsyncEvent, function: FunctionConfiguration, condition: String, attempts: Int, lastResult: InvocationResult?
    ) async {
        var messages: [AsyncFailureMessage] = []
        if let destination = function.asyncInvoke.onFailure {
            let record = AsyncInvocationRecord(
                requestID: event.requestID, functionARN: configuration.functionARN(function.name), condition: condition,
                attempts: attempts, payload: event.payload, lastResult: lastResult, at: Date())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let body = (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            messages.append(AsyncFailureMessage(destinationARN: destination, body: body, attributes: [:]))
        }
        if let deadLetterQueue = function.asyncInvoke.deadLetterTarget {
            // Lambda sends the event as it is, with the request id, the HTTP status and the first KB of the error.
            let error = lastResult.map { String(decoding: $0.payload.prefix(1024), as: UTF8.self) } ?? condition
            messages.append(AsyncFailureMessage(
                destinationARN: deadLetterQueue, body: String(decoding: event.payload, as: UTF8.self),
                attributes: [
                    "RequestID": .init(dataType: "String", value: event.requestID),
                    "ErrorCode": .init(dataType: "Number", value: lastResult == nil ? "429" : "200"),
                    "ErrorMessage": .init(dataType: "String", value: error),
                ]))
        }
        let destinations = messages.isEmpty ? "no failure destination, the event is dropped" : "sent to " + messages.map(\.destinationARN).joined(separator: " and ")
        logs[function.name]?.write(["\(event.requestID)\tasynchronous invocation given up (\(condition) after \(attempts) attempts); \(destinations)"])
        for message in messages {
            do {
                try await configuration.asyncFailureSink?(message)
            } catch {
                logs[function.name]?.write(["\(event.requestID)\tcould not send to \(message.destinationARN): \(error)"])
            }
        }
    }
}
