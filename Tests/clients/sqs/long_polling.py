"""Long polling wakes when a message arrives, and waits out its time when none does."""
import threading
import time

from common import client, done

sqs = client()
url = sqs.create_queue(QueueName="long-poll")["QueueUrl"]

# An empty long poll waits its full time.
start = time.time()
assert not sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1).get("Messages")
assert 0.9 <= time.time() - start < 3, time.time() - start

# A message sent during a 10-second wait ends it at once.
result = {}


def poll():
    begin = time.time()
    result["messages"] = client().receive_message(QueueUrl=url, WaitTimeSeconds=10).get("Messages", [])
    result["elapsed"] = time.time() - begin


thread = threading.Thread(target=poll)
thread.start()
time.sleep(0.5)
sqs.send_message(QueueUrl=url, MessageBody="wake up")
thread.join()
assert [m["Body"] for m in result["messages"]] == ["wake up"], result
assert result["elapsed"] < 3, result["elapsed"]

# The queue's ReceiveMessageWaitTimeSeconds applies when the call gives none; a delayed message
# becoming visible also ends the wait.
waiting = sqs.create_queue(QueueName="waiting", Attributes={"ReceiveMessageWaitTimeSeconds": "5"})["QueueUrl"]
sqs.send_message(QueueUrl=waiting, MessageBody="soon", DelaySeconds=1)
start = time.time()
messages = sqs.receive_message(QueueUrl=waiting).get("Messages", [])
elapsed = time.time() - start
assert [m["Body"] for m in messages] == ["soon"], messages
assert 0.8 <= elapsed < 3, elapsed
done()
