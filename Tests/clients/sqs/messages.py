"""Sending and receiving through boto3: digests, attributes, receipts, delays and message limits."""
import hashlib
import time

from moto.sqs.models import Message as MotoMessage

from common import attributes, client, done, eventually, expect_error

sqs = client()
url = sqs.create_queue(QueueName="contacts")["QueueUrl"]

user_attributes = {
    "source": {"DataType": "String", "StringValue": "pipedrive"},
    "page": {"DataType": "Number", "StringValue": "42"},
    "blob": {"DataType": "Binary", "BinaryValue": b"\x00\x01\xff"},
    "score.float": {"DataType": "Number.float", "StringValue": "0.5"},
}
body = "héllo wörld 🚀"
sent = sqs.send_message(QueueUrl=url, MessageBody=body, MessageAttributes=user_attributes,
                        MessageSystemAttributes={"AWSTraceHeader": {"DataType": "String", "StringValue": "Root=1-abc"}})
assert sent["MD5OfMessageBody"] == hashlib.md5(body.encode()).hexdigest()


def reference_attribute_md5(values):
    """moto's independent implementation of AWS's message attribute digest."""
    message = MotoMessage("reference", "body")
    message.message_attributes = values
    return message.attribute_md5


assert sent["MD5OfMessageAttributes"] == reference_attribute_md5(user_attributes)
assert "MD5OfMessageSystemAttributes" in sent

received = sqs.receive_message(QueueUrl=url, MessageAttributeNames=["All"], MessageSystemAttributeNames=["All"],
                               VisibilityTimeout=0)["Messages"]
assert len(received) == 1
message = received[0]
assert message["MessageId"] == sent["MessageId"]
assert message["Body"] == body
assert message["MD5OfBody"] == sent["MD5OfMessageBody"]
assert message["MessageAttributes"] == user_attributes, message["MessageAttributes"]
assert message["MD5OfMessageAttributes"] == sent["MD5OfMessageAttributes"]
system = message["Attributes"]
assert system["SenderId"] == "AKIDQUEUELABTEST"
assert system["ApproximateReceiveCount"] == "1"
assert system["AWSTraceHeader"] == "Root=1-abc"
assert abs(int(system["SentTimestamp"]) - time.time() * 1000) < 60_000
assert int(system["ApproximateFirstReceiveTimestamp"]) >= int(system["SentTimestamp"])

# Every receive issues a new receipt handle; the count goes up; attribute selection by prefix.
again = sqs.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount"],
                            MessageAttributeNames=["score.*", "source"])["Messages"][0]
assert again["ReceiptHandle"] != message["ReceiptHandle"]
assert again["Attributes"] == {"ApproximateReceiveCount": "2"}
assert set(again["MessageAttributes"]) == {"score.float", "source"}
assert again["MD5OfMessageAttributes"] == reference_attribute_md5(
    {k: user_attributes[k] for k in ("score.float", "source")})

# A stale receipt handle is accepted without deleting; the current one deletes; deleting twice is fine.
sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
assert attributes(sqs, url, "ApproximateNumberOfMessagesNotVisible")["ApproximateNumberOfMessagesNotVisible"] == "1"
sqs.delete_message(QueueUrl=url, ReceiptHandle=again["ReceiptHandle"])
sqs.delete_message(QueueUrl=url, ReceiptHandle=again["ReceiptHandle"])
assert attributes(sqs, url, "ApproximateNumberOfMessagesNotVisible")["ApproximateNumberOfMessagesNotVisible"] == "0"
expect_error("ReceiptHandleIsInvalid", sqs.delete_message, QueueUrl=url, ReceiptHandle="not-a-handle")

# Bodies: allowed characters and size, per queue maximum.
expect_error("InvalidMessageContents", sqs.send_message, QueueUrl=url, MessageBody="bad \x00 byte")
expect_error("InvalidMessageContents", sqs.send_message, QueueUrl=url, MessageBody="ok",
             MessageAttributes={"a": {"DataType": "String", "StringValue": "\x01"}})
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=url, MessageBody="")
sqs.send_message(QueueUrl=url, MessageBody="x" * 1_048_576)
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=url, MessageBody="x" * 1_048_577,
             message="Message must be shorter than 1048576 bytes")
small = sqs.create_queue(QueueName="small", Attributes={"MaximumMessageSize": "1024"})["QueueUrl"]
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=small, MessageBody="x" * 1000,
             MessageAttributes={"pad": {"DataType": "String", "StringValue": "y" * 30}})

# Attribute rules.
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=url, MessageBody="m",
             MessageAttributes={"AWS.reserved": {"DataType": "String", "StringValue": "v"}})
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=url, MessageBody="m",
             MessageAttributes={"n": {"DataType": "Number", "StringValue": "forty"}})
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=url, MessageBody="m",
             MessageAttributes={"n": {"DataType": "Decimal", "StringValue": "1"}})
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=url, MessageBody="m",
             MessageAttributes={f"a{i}": {"DataType": "String", "StringValue": "v"} for i in range(11)})

# Receive parameter ranges.
expect_error("InvalidParameterValue", sqs.receive_message, QueueUrl=url, MaxNumberOfMessages=11)
expect_error("InvalidParameterValue", sqs.receive_message, QueueUrl=url, VisibilityTimeout=43201)
expect_error("InvalidParameterValue", sqs.receive_message, QueueUrl=url, WaitTimeSeconds=21)
expect_error("AWS.SimpleQueueService.NonExistentQueue", sqs.receive_message, QueueUrl=url + "-gone")

# Delay: per message, and the queue default; delayed messages are counted apart.
delayed = sqs.create_queue(QueueName="delayed")["QueueUrl"]
# Long enough for the checks before it ends, however busy the machine.
sqs.send_message(QueueUrl=delayed, MessageBody="later", DelaySeconds=5)
expect_error("InvalidParameterValue", sqs.send_message, QueueUrl=delayed, MessageBody="m", DelaySeconds=901)
assert attributes(sqs, delayed, "ApproximateNumberOfMessagesDelayed")["ApproximateNumberOfMessagesDelayed"] == "1"
assert not sqs.receive_message(QueueUrl=delayed).get("Messages")
eventually(lambda: sqs.receive_message(QueueUrl=delayed, WaitTimeSeconds=1).get("Messages"), timeout=15)
done()
