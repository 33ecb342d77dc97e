import QueueStore
@testable import SQSServer
import Testing

/// Each error's three names and status as AWS sends them: the shape (JSON `__type`), the Query code
/// (also JSON's `x-amzn-query-error`) and the HTTP status, from botocore's query-era SQS model
/// (`error.code`, `httpStatusCode`) and LocalStack's AWS-validated snapshots.
@Suite("SQS errors on the wire")
struct SQSErrorWireTests {
    @Test("shape, query code and status", arguments: [
        (SQSErrorCode.batchEntryIdsNotDistinct, "BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400),
        (.batchRequestTooLong, "BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", 400),
        (.emptyBatchRequest, "EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", 400),
        (.invalidAttributeName, "InvalidAttributeName", "InvalidAttributeName", 400),
        (.invalidAttributeValue, "InvalidAttributeValue", "InvalidAttributeValue", 400),
        (.invalidBatchEntryId, "InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", 400),
        (.invalidIdFormat, "InvalidIdFormat", "InvalidIdFormat", 400),
        (.invalidMessageContents, "InvalidMessageContents", "InvalidMessageContents", 400),
        (.messageNotInflight, "MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400),
        (.overLimit, "OverLimit", "OverLimit", 403),
        (.purgeQueueInProgress, "PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403),
        (.queueDoesNotExist, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400),
        (.queueNameExists, "QueueNameExists", "QueueAlreadyExists", 400),
        (.receiptHandleIsInvalid, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 400),
        (.resourceNotFound, "ResourceNotFoundException", "ResourceNotFoundException", 404),
        (.tooManyEntriesInBatchRequest, "TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400),
        (.unsupportedOperation, "UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", 400),
        (.invalidParameterValue, "InvalidParameterValueException", "InvalidParameterValue", 400),
        (.missingParameter, "MissingRequiredParameterException", "MissingParameter", 400),
        (.invalidAction, "InvalidAction", "InvalidAction", 400),
        (.malformedQueryString, "MalformedQueryString", "MalformedQueryString", 404),
        (.internalError, "InternalError", "InternalError", 500),
    ])
    func names(code: SQSErrorCode, shape: String, queryCode: String, status: Int) {
        let error = SQSError(code, "message")
        #expect(error.shapeName == shape)
        #expect(error.queryCode == queryCode)
        #expect(error.httpStatus == status)
    }

    @Test("the Query protocol's message for a queue that does not exist names the WSDL")
    func queryMessage() {
        #expect(SQSError.nonExistentQueue.message == "The specified queue does not exist.")
        #expect(SQSError.nonExistentQueue.queryMessage == "The specified queue does not exist for this wsdl version.")
        #expect(SQSError.missingParameter("Entries").queryMessage == "The request must contain the parameter Entries.")
    }

    @Test("a Query error answer carries the query code and the Query message")
    func queryErrorXML() {
        let xml = QueryResponseEncoder.error(.nonExistentQueue, requestId: "r")
        #expect(xml.contains("<Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>"))
        #expect(xml.contains("<Message>The specified queue does not exist for this wsdl version.</Message>"))
    }
}

@Suite("Query request entries")
struct QueryEntriesTests {
    private func entries(_ parameters: [(String, String)]) -> AWSValue? {
        guard case .map(let members) = QueryRequestDecoder.document(from: parameters) else { return nil }
        return members["Entries"]
    }

    @Test("entries by their flattened member name or by the JSON name are the same list")
    func forms() {
        let flattened = entries([("SendMessageBatchRequestEntry.1.Id", "a"), ("SendMessageBatchRequestEntry.1.MessageBody", "x")])
        let byJSONName = entries([("Entries.1.Id", "a"), ("Entries.1.MessageBody", "x")])
        #expect(flattened == .list([.map(["Id": .string("a"), "MessageBody": .string("x")])]))
        #expect(byJSONName == flattened)
    }

    @Test("an empty list is the bare name with an empty value; no entries is no member")
    func empty() {
        #expect(entries([("Entries", "")]) == .list([]))
        #expect(entries([("QueueUrl", "q")]) == nil)
    }

    @Test("a query signature's parameters are not request members")
    func signatureParameters() {
        let document = QueryRequestDecoder.document(from: [
            ("Action", "ListQueues"), ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Signature", "abc"), ("QueueNamePrefix", "p"),
        ])
        #expect(document == .map(["QueueNamePrefix": .string("p")]))
    }
}
