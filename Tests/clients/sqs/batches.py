"""Batch actions through boto3: per-entry results and the batch-wide rules."""
from common import attributes, client, done, expect_error

sqs = client()
url = sqs.create_queue(QueueName="batches")["QueueUrl"]

result = sqs.send_message_batch(QueueUrl=url, Entries=[
    {"Id": "first", "MessageBody": "one"},
    {"Id": "second", "MessageBody": "two", "DelaySeconds": 0,
     "MessageAttributes": {"k": {"DataType": "String", "StringValue": "v"}}},
    {"Id": "bad-body", "MessageBody": "nul \x00"},
])
assert sorted(entry["Id"] for entry in result["Successful"]) == ["first", "second"]
assert all("MD5OfMessageBody" in entry and "MessageId" in entry for entry in result["Successful"])
assert next(e for e in result["Successful"] if e["Id"] == "second")["MD5OfMessageAttributes"]
[failure] = result["Failed"]
assert failure["Id"] == "bad-body" and failure["SenderFault"] is True
assert failure["Code"] == "InvalidMessageContents", failure

expect_error("AWS.SimpleQueueService.EmptyBatchRequest", sqs.send_message_batch, QueueUrl=url, Entries=[])
expect_error("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", sqs.send_message_batch, QueueUrl=url,
             Entries=[{"Id": f"m{i}", "MessageBody": "x"} for i in range(11)])
expect_error("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", sqs.send_message_batch, QueueUrl=url,
             Entries=[{"Id": "same", "MessageBody": "x"}, {"Id": "same", "MessageBody": "y"}])
expect_error("AWS.SimpleQueueService.InvalidBatchEntryId", sqs.send_message_batch, QueueUrl=url,
             Entries=[{"Id": "no spaces", "MessageBody": "x"}])
expect_error("AWS.SimpleQueueService.BatchRequestTooLong", sqs.send_message_batch, QueueUrl=url,
             Entries=[{"Id": f"m{i}", "MessageBody": "x" * 300_000} for i in range(4)])
assert attributes(sqs, url, "ApproximateNumberOfMessages")["ApproximateNumberOfMessages"] == "2"

messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=60)["Messages"]
assert len(messages) == 2
changed = sqs.change_message_visibility_batch(QueueUrl=url, Entries=[
    {"Id": "a", "ReceiptHandle": messages[0]["ReceiptHandle"], "VisibilityTimeout": 0},
    {"Id": "b", "ReceiptHandle": "garbage", "VisibilityTimeout": 0},
])
assert [e["Id"] for e in changed["Successful"]] == ["a"]
assert changed["Failed"][0]["Id"] == "b" and changed["Failed"][0]["Code"] == "ReceiptHandleIsInvalid"
assert attributes(sqs, url, "ApproximateNumberOfMessages")["ApproximateNumberOfMessages"] == "1"

deleted = sqs.delete_message_batch(QueueUrl=url, Entries=[
    {"Id": "keep-going", "ReceiptHandle": messages[1]["ReceiptHandle"]},
    {"Id": "broken", "ReceiptHandle": "garbage"},
])
assert [e["Id"] for e in deleted["Successful"]] == ["keep-going"]
assert deleted["Failed"][0]["Code"] == "ReceiptHandleIsInvalid"
expect_error("AWS.SimpleQueueService.EmptyBatchRequest", sqs.delete_message_batch, QueueUrl=url, Entries=[])
expect_error("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", sqs.delete_message_batch, QueueUrl=url,
             Entries=[{"Id": "d", "ReceiptHandle": "x"}, {"Id": "d", "ReceiptHandle": "y"}])
expect_error("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", sqs.change_message_visibility_batch, QueueUrl=url,
             Entries=[{"Id": f"c{i}", "ReceiptHandle": "x", "VisibilityTimeout": 1} for i in range(11)])
done()
