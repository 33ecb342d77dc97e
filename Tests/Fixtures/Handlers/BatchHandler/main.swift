import LambdaHandler

// An SQS worker in the few lines a real one needs: messages whose body is "fail" are reported
// as partial batch failures, every other message succeeds.
LambdaRuntime.run { (event: SQSEvent, context: LambdaContext) in
    for message in event.records { context.log("processing \(message.messageId) from \(message.eventSourceARN)") }
    return SQSBatchResponse(failedMessageIDs: event.records.filter { $0.body == "fail" }.map(\.messageId))
}
