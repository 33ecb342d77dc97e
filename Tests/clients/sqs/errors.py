"""Errors as AWS answers them to boto3 (JSON protocol): the code boto3 reports (AWS's
`x-amzn-query-error`), the shape (`__type`, boto3's `QueryErrorCode`), the HTTP status and the
message, as recorded from real AWS in LocalStack's AWS-validated snapshots
(tests/aws/services/sqs/test_sqs.snapshot.json) and botocore's query-era SQS model."""
from common import client, done, expect_error

sqs = client()
# Without boto3's own check of required parameters, so the server's answer to a missing one shows.
unchecked = client(parameter_validation=False)

url = sqs.create_queue(QueueName="errors")["QueueUrl"]

# Missing parameters: MissingParameter, shape MissingRequiredParameterException.
for call, kwargs, name in [
    (unchecked.send_message, {"QueueUrl": url}, "MessageBody"),
    (unchecked.create_queue, {}, "QueueName"),
    (unchecked.get_queue_url, {}, "QueueName"),
    (unchecked.send_message_batch, {"QueueUrl": url}, "Entries"),
    (unchecked.delete_message_batch, {"QueueUrl": url}, "Entries"),
    (unchecked.change_message_visibility_batch, {"QueueUrl": url}, "Entries"),
]:
    expect_error("MissingParameter", call, shape="MissingRequiredParameterException",
                 message=f"The request must contain the parameter {name}.", **kwargs)

# An empty batch.
for call, entry in [
    (sqs.send_message_batch, "SendMessageBatchRequestEntry"),
    (sqs.delete_message_batch, "DeleteMessageBatchRequestEntry"),
    (sqs.change_message_visibility_batch, "ChangeMessageVisibilityBatchRequestEntry"),
]:
    error = expect_error("AWS.SimpleQueueService.EmptyBatchRequest", call, QueueUrl=url, Entries=[],
                         shape="EmptyBatchRequest")
    assert error.response["Error"]["Message"] == f"There should be at least one {entry} in the request.", error.response

# Parameter values: InvalidParameterValue, shape InvalidParameterValueException (recorded:
# test_send_receive_max_number_of_messages).
expect_error("InvalidParameterValue", sqs.receive_message, QueueUrl=url, MaxNumberOfMessages=11,
             shape="InvalidParameterValueException",
             message="Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.")

# SQS's own errors (recorded: test_too_many_entries_in_batch_request, test_invalid_batch_id,
# test_non_existent_queue, test_successive_purge_calls_fail).
expect_error("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", sqs.send_message_batch, QueueUrl=url,
             Entries=[{"Id": str(i), "MessageBody": "m"} for i in range(20)], shape="TooManyEntriesInBatchRequest",
             message="Maximum number of entries per request are 10. You have sent 20.")
expect_error("AWS.SimpleQueueService.InvalidBatchEntryId", sqs.send_message_batch, QueueUrl=url,
             Entries=[{"Id": "invalid:id", "MessageBody": "m"}], shape="InvalidBatchEntryId",
             message="A batch entry id can only contain alphanumeric characters, hyphens and underscores. "
                     "It can be at most 80 letters long.")
expect_error("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", sqs.send_message_batch, QueueUrl=url,
             Entries=[{"Id": "a", "MessageBody": "m"}, {"Id": "a", "MessageBody": "n"}], shape="BatchEntryIdsNotDistinct")
expect_error("AWS.SimpleQueueService.NonExistentQueue", sqs.get_queue_url, QueueName="absent",
             shape="QueueDoesNotExist", message="The specified queue does not exist.")
expect_error("AWS.SimpleQueueService.NonExistentQueue", sqs.get_queue_attributes,
             QueueUrl=url.replace("/errors", "/absent"), shape="QueueDoesNotExist",
             message="The specified queue does not exist.")
expect_error("InvalidAttributeName", sqs.get_queue_attributes, QueueUrl=url, AttributeNames=["Foobar"],
             shape="InvalidAttributeName", message="Unknown Attribute Foobar.")
expect_error("ReceiptHandleIsInvalid", sqs.delete_message, QueueUrl=url, ReceiptHandle="garbage",
             shape="ReceiptHandleIsInvalid")
sqs.purge_queue(QueueUrl=url)
expect_error("AWS.SimpleQueueService.PurgeQueueInProgress", sqs.purge_queue, QueueUrl=url, status=403,
             shape="PurgeQueueInProgress", message="Only one PurgeQueue operation on errors is allowed every 60 seconds.")
# boto3 maps the shape to its modelled exception class.
try:
    sqs.get_queue_url(QueueName="absent")
    raise AssertionError("absent queue found")
except sqs.exceptions.QueueDoesNotExist:
    pass
done()
