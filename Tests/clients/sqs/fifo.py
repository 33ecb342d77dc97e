"""FIFO queues through boto3: group ordering, deduplication, sequence numbers and FIFO-only rules."""
from common import attributes, client, done, expect_error

sqs = client()
url = sqs.create_queue(QueueName="sync.fifo", Attributes={
    "FifoQueue": "true", "ContentBasedDeduplication": "true",
    "DeduplicationScope": "messageGroup", "FifoThroughputLimit": "perMessageGroupId"})["QueueUrl"]
attrs = attributes(sqs, url)
assert attrs["FifoQueue"] == "true" and attrs["ContentBasedDeduplication"] == "true"
assert attrs["DeduplicationScope"] == "messageGroup" and attrs["FifoThroughputLimit"] == "perMessageGroupId"

sent = [sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId=group)
        for group, body in [("contact-1", "c1-a"), ("contact-1", "c1-b"), ("contact-2", "c2-a")]]
sequences = [int(s["SequenceNumber"]) for s in sent]
assert sequences == sorted(sequences) and len(set(sequences)) == 3
# Content-based deduplication: the same body in the same group is accepted but not queued again.
duplicate = sqs.send_message(QueueUrl=url, MessageBody="c1-a", MessageGroupId="contact-1")
assert duplicate["MessageId"] == sent[0]["MessageId"]
assert attributes(sqs, url, "ApproximateNumberOfMessages")["ApproximateNumberOfMessages"] == "3"

# One at a time: contact-1's second message waits while its first is in flight.
first = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1, AttributeNames=["All"])["Messages"][0]
assert first["Body"] == "c1-a"
assert first["Attributes"]["MessageGroupId"] == "contact-1"
assert first["Attributes"]["SequenceNumber"] == sent[0]["SequenceNumber"]
assert "MessageDeduplicationId" in first["Attributes"]
other = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
assert [m["Body"] for m in other] == ["c2-a"], other
assert not sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages")
sqs.delete_message(QueueUrl=url, ReceiptHandle=first["ReceiptHandle"])
assert [m["Body"] for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]] == ["c1-b"]

# Deduplication outlives deletion (five minutes).
explicit = sqs.create_queue(QueueName="explicit.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
original = sqs.send_message(QueueUrl=explicit, MessageBody="x", MessageGroupId="g", MessageDeduplicationId="d-1")
taken = sqs.receive_message(QueueUrl=explicit)["Messages"][0]
sqs.delete_message(QueueUrl=explicit, ReceiptHandle=taken["ReceiptHandle"])
again = sqs.send_message(QueueUrl=explicit, MessageBody="y", MessageGroupId="g", MessageDeduplicationId="d-1")
assert again["MessageId"] == original["MessageId"]
assert not sqs.receive_message(QueueUrl=explicit).get("Messages")

expect_error("MissingParameter", sqs.send_message, QueueUrl=explicit, MessageBody="x", MessageDeduplicationId="d-2")
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=explicit, MessageBody="x", MessageGroupId="g")
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=explicit, MessageBody="x", MessageGroupId="g",
             MessageDeduplicationId="d-3", DelaySeconds=5)
batch = sqs.send_message_batch(QueueUrl=explicit, Entries=[
    {"Id": "ok", "MessageBody": "b", "MessageGroupId": "g", "MessageDeduplicationId": "d-4"},
    {"Id": "no-group", "MessageBody": "b", "MessageDeduplicationId": "d-5"}])
assert [e["Id"] for e in batch["Successful"]] == ["ok"] and "SequenceNumber" in batch["Successful"][0]
assert batch["Failed"][0]["Code"] == "MissingParameter"

# A retried receive with the same ReceiveRequestAttemptId gets the same messages and receipt handles.
retried = sqs.create_queue(QueueName="retried.fifo", Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
for body in ["r1", "r2"]:
    sqs.send_message(QueueUrl=retried, MessageBody=body, MessageGroupId="g")
first = sqs.receive_message(QueueUrl=retried, MaxNumberOfMessages=10, ReceiveRequestAttemptId="attempt-1")["Messages"]
again = sqs.receive_message(QueueUrl=retried, MaxNumberOfMessages=10, ReceiveRequestAttemptId="attempt-1")["Messages"]
assert [m["Body"] for m in first] == ["r1", "r2"], first
assert [m["ReceiptHandle"] for m in again] == [m["ReceiptHandle"] for m in first], (first, again)
assert "Messages" not in sqs.receive_message(QueueUrl=retried, ReceiveRequestAttemptId="attempt-2")
expect_error("InvalidParameterValue", sqs.receive_message, QueueUrl=retried, ReceiveRequestAttemptId="has space")

standard = sqs.create_queue(QueueName="standard")["QueueUrl"]
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=standard, MessageBody="x", MessageDeduplicationId="d")
# A FIFO queue's dead-letter queue must be FIFO too.
expect_error("InvalidParameterValue", sqs.set_queue_attributes, QueueUrl=explicit, Attributes={
    "RedrivePolicy": '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:standard","maxReceiveCount":2}'})
done()
