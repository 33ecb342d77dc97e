"""Delivery rules AWS answers for and that differ from a naive queue: requeue order, receipt handles
after a timeout or a later receive, fair-queue group ids, FIFO rules set after creation."""
import json

from common import attributes, client, done, expect_error

sqs = client()
url = sqs.create_queue(QueueName="delivery")["QueueUrl"]


def receive(queue_url, **kwargs):
    return sqs.receive_message(QueueUrl=queue_url, **kwargs).get("Messages", [])


# Requeue order (LocalStack's AWS-validated test_inflight_message_requeue): a message whose
# visibility ended comes back before one sent while it was in flight.
sqs.send_message(QueueUrl=url, MessageBody="test1")
held = receive(url, VisibilityTimeout=30)[0]
sqs.send_message(QueueUrl=url, MessageBody="test2")
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=held["ReceiptHandle"], VisibilityTimeout=0)
again = receive(url, VisibilityTimeout=30)[0]
assert again["Body"] == "test1", again["Body"]
rest = receive(url, VisibilityTimeout=30)
assert [m["Body"] for m in rest] == ["test2"]
sqs.delete_message(QueueUrl=url, ReceiptHandle=rest[0]["ReceiptHandle"])

# A standard queue takes an earlier receipt of a message received again since
# (test_terminate_visibility_timeout_after_receive): it ends the later receive's timeout.
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=held["ReceiptHandle"], VisibilityTimeout=0)
latest = receive(url, VisibilityTimeout=30)[0]
assert latest["Body"] == "test1" and latest["ReceiptHandle"] != again["ReceiptHandle"]
# A receipt whose visibility already ended, nobody having received the message since: AWS answers
# OK and leaves the message where it is, visible (LocalStack PR #9632, AWS-validated).
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=latest["ReceiptHandle"], VisibilityTimeout=0)
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=latest["ReceiptHandle"], VisibilityTimeout=60)
final = receive(url, VisibilityTimeout=30)[0]
assert final["Body"] == "test1", "still visible after the late change"
# Deleted: the receipt reaches nothing (test_change_visibility_on_deleted_message_raises_invalid_parameter_value).
sqs.delete_message(QueueUrl=url, ReceiptHandle=final["ReceiptHandle"])
expect_error("InvalidParameterValue", sqs.change_message_visibility, QueueUrl=url,
             ReceiptHandle=final["ReceiptHandle"], VisibilityTimeout=42,
             message=f"Value {final['ReceiptHandle']} for parameter ReceiptHandle is invalid. Reason: Message does not "
                     "exist or is not available for visibility timeout change.")
expect_error("ReceiptHandleIsInvalid", sqs.change_message_visibility, QueueUrl=url, ReceiptHandle="garbage",
             VisibilityTimeout=42, message='The input receipt handle "garbage" is not a valid receipt handle.')

# A FIFO queue takes only the current receipt of a message in flight, and refuses to delete with one
# whose timeout has passed ("The receipt handle has expired.", AWS's text for DeleteMessage).
fifo = sqs.create_queue(QueueName="delivery.fifo", Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
sqs.send_message(QueueUrl=fifo, MessageBody="f1", MessageGroupId="g")
old = receive(fifo, VisibilityTimeout=0)[0]
unavailable = "Reason: Message does not exist or is not available for visibility timeout change."
expect_error("InvalidParameterValue", sqs.change_message_visibility, QueueUrl=fifo, ReceiptHandle=old["ReceiptHandle"],
             VisibilityTimeout=30, message=unavailable)
expect_error("InvalidParameterValue", sqs.delete_message, QueueUrl=fifo, ReceiptHandle=old["ReceiptHandle"],
             message=f"Value {old['ReceiptHandle']} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.")
current = receive(fifo, VisibilityTimeout=30)[0]
expect_error("InvalidParameterValue", sqs.change_message_visibility, QueueUrl=fifo, ReceiptHandle=old["ReceiptHandle"],
             VisibilityTimeout=30, message=unavailable)
sqs.change_message_visibility(QueueUrl=fifo, ReceiptHandle=current["ReceiptHandle"], VisibilityTimeout=60)
sqs.delete_message(QueueUrl=fifo, ReceiptHandle=current["ReceiptHandle"])
sqs.delete_message(QueueUrl=fifo, ReceiptHandle=current["ReceiptHandle"])

# Fair queues (2025): a standard queue accepts MessageGroupId and returns it as a system attribute.
sqs.send_message(QueueUrl=url, MessageBody="tenant", MessageGroupId="tenant-1")
fair = receive(url, AttributeNames=["All"])[0]
assert fair["Attributes"]["MessageGroupId"] == "tenant-1", fair["Attributes"]
assert "SequenceNumber" not in fair["Attributes"] and "MessageDeduplicationId" not in fair["Attributes"]
sqs.delete_message(QueueUrl=url, ReceiptHandle=fair["ReceiptHandle"])
for bad in ["", "g" * 129, "has space", "tab\tbed", "é"]:
    for queue_url, extra in [(url, {}), (fifo, {"MessageDeduplicationId": "d"})]:
        expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=queue_url, MessageBody="m", MessageGroupId=bad,
                     message=f"Value {bad} for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include "
                             "alphanumeric and punctuation characters. 1 to 128 in length.", **extra)
    expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=fifo, MessageBody="m", MessageGroupId="g",
                 MessageDeduplicationId=bad,
                 message=f"Value {bad} for parameter MessageDeduplicationId is invalid. Reason: MessageDeduplicationId can "
                         "only include alphanumeric and punctuation characters. 1 to 128 in length.")

# Message attribute names: letters of any script (test_send_message_with_invalid_string_attributes).
sqs.send_message(QueueUrl=url, MessageBody="named", MessageAttributes={"attr.1øßä": {"DataType": "String", "StringValue": "v"}})
named = receive(url, MessageAttributeNames=["All"])[0]
assert list(named["MessageAttributes"]) == ["attr.1øßä"], named
for bad in ["Invalid-§-attr", "Invalid-!-attr", "Invalid-?-attr"]:
    expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=url, MessageBody="m",
                 MessageAttributes={bad: {"DataType": "String", "StringValue": "v"}})

# FIFO rules: DelaySeconds 0 per message is allowed, any other value refused with AWS's text
# (LocalStack's AWS snapshot of test_fifo_queue_send_message_with_delay_seconds_fails).
sqs.send_message(QueueUrl=fifo, MessageBody="no delay", MessageGroupId="d", DelaySeconds=0)
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=fifo, MessageBody="late", MessageGroupId="d", DelaySeconds=2,
             message="Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not "
                     "valid for this queue type.")
assert [m["Body"] for m in receive(fifo)] == ["no delay"]

# FifoQueue on SetQueueAttributes: restating it on a FIFO queue changes nothing; changing it is refused.
sqs.set_queue_attributes(QueueUrl=fifo, Attributes={"FifoQueue": "true"})
expect_error("InvalidAttributeValue", sqs.set_queue_attributes, QueueUrl=fifo, Attributes={"FifoQueue": "false"},
             message="Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.")
expect_error("InvalidAttributeName", sqs.set_queue_attributes, QueueUrl=url, Attributes={"FifoQueue": "true"},
             message="Unknown Attribute FifoQueue.")
assert attributes(sqs, fifo, "FifoQueue") == {"FifoQueue": "true"}

# PurgeQueue forgets deduplication ids (test_purge_queue_clears_fifo_deduplication_cache).
purged = sqs.create_queue(QueueName="purged.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
sqs.send_message(QueueUrl=purged, MessageBody="message-1", MessageGroupId="g", MessageDeduplicationId="dedup")
sqs.purge_queue(QueueUrl=purged)
sqs.send_message(QueueUrl=purged, MessageBody="message-2", MessageGroupId="g", MessageDeduplicationId="dedup")
assert [m["Body"] for m in receive(purged)] == ["message-2"]

# High throughput set after creation deduplicates per group from the next send on, and back.
scoped = sqs.create_queue(QueueName="scoped.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
first = sqs.send_message(QueueUrl=scoped, MessageBody="a", MessageGroupId="g1", MessageDeduplicationId="same")
assert sqs.send_message(QueueUrl=scoped, MessageBody="b", MessageGroupId="g2", MessageDeduplicationId="same")["MessageId"] \
    == first["MessageId"], "queue scope: the id alone deduplicates"
sqs.set_queue_attributes(QueueUrl=scoped, Attributes={"DeduplicationScope": "messageGroup", "FifoThroughputLimit": "perMessageGroupId"})
other_group = sqs.send_message(QueueUrl=scoped, MessageBody="c", MessageGroupId="g2", MessageDeduplicationId="same")
assert other_group["MessageId"] != first["MessageId"], "message-group scope: another group is not a duplicate"
assert sqs.send_message(QueueUrl=scoped, MessageBody="d", MessageGroupId="g1", MessageDeduplicationId="same")["MessageId"] \
    == first["MessageId"], "the same group still is"
sqs.set_queue_attributes(QueueUrl=scoped, Attributes={"DeduplicationScope": "queue", "FifoThroughputLimit": "perQueue"})
assert sqs.send_message(QueueUrl=scoped, MessageBody="e", MessageGroupId="g3", MessageDeduplicationId="same")["MessageId"] \
    in (first["MessageId"], other_group["MessageId"])
assert [m["Body"] for m in receive(scoped, MaxNumberOfMessages=10)] == ["a", "c"]

# RedrivePolicy set to "" removes it.
dlq_arn = attributes(sqs, sqs.create_queue(QueueName="delivery-dlq")["QueueUrl"], "QueueArn")["QueueArn"]
sqs.set_queue_attributes(QueueUrl=url, Attributes={"RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 2})})
assert "RedrivePolicy" in attributes(sqs, url)
sqs.set_queue_attributes(QueueUrl=url, Attributes={"RedrivePolicy": ""})
assert "RedrivePolicy" not in attributes(sqs, url)
assert sqs.list_dead_letter_source_queues(QueueUrl=sqs.get_queue_url(QueueName="delivery-dlq")["QueueUrl"]).get("queueUrls", []) == []
done()
