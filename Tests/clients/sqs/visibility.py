"""Visibility timeouts with short real waits: expiry, extension, the in-flight rule and the 12-hour cap."""
import time

from common import attributes, client, done, eventually, expect_error

sqs = client()
url = sqs.create_queue(QueueName="visibility", Attributes={"VisibilityTimeout": "1"})["QueueUrl"]
sqs.send_message(QueueUrl=url, MessageBody="work")

# Counted as in flight while hidden (a long per-receive timeout: no race with the clock).
first = sqs.receive_message(QueueUrl=url, VisibilityTimeout=30)["Messages"][0]
counts = attributes(sqs, url, "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")
assert counts == {"ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "1"}, counts
assert "Messages" not in sqs.receive_message(QueueUrl=url), "SQS omits an empty list"
# Zero makes it visible at once; received with the queue's 1-second timeout, it comes back by itself.
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=first["ReceiptHandle"], VisibilityTimeout=0)
assert sqs.receive_message(QueueUrl=url)["Messages"][0]["Body"] == "work"
second = eventually(lambda: sqs.receive_message(QueueUrl=url, AttributeNames=["All"], VisibilityTimeout=30).get("Messages"),
                    timeout=5)[0]
assert second["Attributes"]["ApproximateReceiveCount"] == "3"

# Extending keeps it hidden past the queue default.
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=second["ReceiptHandle"], VisibilityTimeout=30)
time.sleep(1.3)
assert not sqs.receive_message(QueueUrl=url).get("Messages")
# Zero makes it visible at once.
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=second["ReceiptHandle"], VisibilityTimeout=0)
third = sqs.receive_message(QueueUrl=url, VisibilityTimeout=30)["Messages"][0]

expect_error("InvalidParameterValue", sqs.change_message_visibility, QueueUrl=url,
             ReceiptHandle=third["ReceiptHandle"], VisibilityTimeout=43201)
expect_error("InvalidParameterValue", sqs.change_message_visibility, QueueUrl=url,
             ReceiptHandle=third["ReceiptHandle"], VisibilityTimeout=43200,
             message="Total VisibilityTimeout for the message is beyond the limit [43200 seconds]")
# On a standard queue an earlier receipt still reaches the message (AWS: LocalStack's validated
# test_terminate_visibility_timeout_after_receive): it ends the later receive's timeout.
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=second["ReceiptHandle"], VisibilityTimeout=0)
fourth = sqs.receive_message(QueueUrl=url, VisibilityTimeout=30)["Messages"][0]
assert fourth["MessageId"] == third["MessageId"]
# Not in flight any more, nobody having received it since: AWS answers OK and leaves it visible.
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=fourth["ReceiptHandle"], VisibilityTimeout=0)
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=fourth["ReceiptHandle"], VisibilityTimeout=5)
assert sqs.receive_message(QueueUrl=url)["Messages"][0]["MessageId"] == third["MessageId"]
expect_error("ReceiptHandleIsInvalid", sqs.change_message_visibility, QueueUrl=url,
             ReceiptHandle="bm90LWEtaGFuZGxl", VisibilityTimeout=5)
done()
