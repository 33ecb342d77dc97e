"""Long polling wakes when a message arrives, and waits out its time when none does."""
import json
import threading
import time

from common import attributes, client, done, eventually

sqs = client()
url = sqs.create_queue(QueueName="long-poll")["QueueUrl"]

# An empty long poll waits its full time, and no longer than asked (well under SQS's 20-second
# maximum, with room for a busy machine).
start = time.time()
assert not sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1).get("Messages")
assert 0.9 <= time.time() - start < 10, time.time() - start

# A message sent while a 20-second poll waits ends the wait. That the poll is waiting in the server
# before the send is shown by the server itself: the poll's first look at the queue finds only a
# message already received as often as the redrive policy allows and moves it to the dead-letter
# queue. Only that look can move it, so once it is in the dead-letter queue the poll has looked,
# found nothing to deliver, and waits.
dead_letters = sqs.create_queue(QueueName="long-poll-dlq")["QueueUrl"]
dead_letters_arn = attributes(sqs, dead_letters, "QueueArn")["QueueArn"]
watched = sqs.create_queue(QueueName="long-poll-watched", Attributes={
    "RedrivePolicy": json.dumps({"deadLetterTargetArn": dead_letters_arn, "maxReceiveCount": 1})})["QueueUrl"]
sqs.send_message(QueueUrl=watched, MessageBody="used up")
used_up = sqs.receive_message(QueueUrl=watched, VisibilityTimeout=600)["Messages"][0]
sqs.change_message_visibility(QueueUrl=watched, ReceiptHandle=used_up["ReceiptHandle"], VisibilityTimeout=0)
result = {}


def poll():
    result["messages"] = client().receive_message(QueueUrl=watched, WaitTimeSeconds=20).get("Messages", [])
    result["returned"] = time.time()


thread = threading.Thread(target=poll)
thread.start()
eventually(lambda: attributes(sqs, dead_letters, "ApproximateNumberOfMessages")["ApproximateNumberOfMessages"] == "1",
           timeout=15)
sent = time.time()
sqs.send_message(QueueUrl=watched, MessageBody="wake up")
thread.join()
assert [m["Body"] for m in result["messages"]] == ["wake up"], result
# Well before the poll's 20 seconds: the arrival ended the wait.
assert result["returned"] - sent < 10, result["returned"] - sent

# The queue's ReceiveMessageWaitTimeSeconds applies when the call gives none; a delayed message
# becoming visible also ends the wait (after its 1 second, well before the queue's 20).
waiting = sqs.create_queue(QueueName="waiting", Attributes={"ReceiveMessageWaitTimeSeconds": "20"})["QueueUrl"]
sqs.send_message(QueueUrl=waiting, MessageBody="soon", DelaySeconds=1)
start = time.time()
messages = sqs.receive_message(QueueUrl=waiting).get("Messages", [])
elapsed = time.time() - start
assert [m["Body"] for m in messages] == ["soon"], messages
assert 0.8 <= elapsed < 10, elapsed
done()
