"""FIFO message groups as AWS hands them out. Each case replays one of LocalStack's AWS-validated
tests (tests/aws/services/sqs/test_sqs.py) and expects the order AWS answered: a receive returns one
group's messages together and in order, a group is held while its first message is in flight, and a
group whose first message became visible again goes behind the groups that waited."""
from common import client, done

sqs = client()
count = 0


def fifo_queue(visibility="30"):
    global count
    count += 1
    return sqs.create_queue(QueueName=f"groups-{count}.fifo", Attributes={
        "FifoQueue": "true", "ContentBasedDeduplication": "true", "VisibilityTimeout": visibility})["QueueUrl"]


def send(url, *bodies):
    for body in bodies:
        sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId=body.split("-")[0])


def receive(url, count, **kwargs):
    return sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=count, **kwargs).get("Messages", [])


def bodies(messages):
    return [m["Body"] for m in messages]


# test_fifo_receive_message_group_id_ordering: the interleaved g2 message comes after all of g1.
url = fifo_queue()
send(url, "g1-m1", "g2-m1", "g1-m2", "g1-m3")
assert bodies(receive(url, 10)) == ["g1-m1", "g1-m2", "g1-m3", "g2-m1"]

# test_fifo_receive_message_with_zero_visibility_timeout: groups received with a zero timeout go
# back behind the group nobody received (g3), in the order they were received.
url = fifo_queue()
send(url, "g1-m1", "g2-m1", "g2-m2", "g3-m1", "g1-m2")
assert bodies(receive(url, 3, VisibilityTimeout=0)) == ["g1-m1", "g1-m2", "g2-m1"]
assert bodies(receive(url, 10, VisibilityTimeout=0)) == ["g3-m1", "g1-m1", "g1-m2", "g2-m1", "g2-m2"]

# test_fifo_message_group_visibility_after_terminate_visibility_timeout: releasing g1's first message
# makes it available again (behind g2) while g1-m2 stays in flight and is not handed out.
url = fifo_queue()
send(url, "g1-m1", "g1-m2", "g2-m1")
held = receive(url, 2)
assert bodies(held) == ["g1-m1", "g1-m2"]
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=held[0]["ReceiptHandle"], VisibilityTimeout=0)
assert bodies(receive(url, 3)) == ["g2-m1", "g1-m1"]

# test_fifo_message_group_visibility_after_partial_delete: g1-m2 is still in flight, so g1 waits.
# (The second "g1-m2" is a content-based duplicate, as in AWS's test.)
url = fifo_queue()
send(url, "g1-m1", "g2-m1", "g1-m2", "g2-m2", "g1-m2", "g1-m3", "g1-m4", "g3-m1")
held = receive(url, 2)
assert bodies(held) == ["g1-m1", "g1-m2"]
sqs.delete_message(QueueUrl=url, ReceiptHandle=held[0]["ReceiptHandle"])
assert bodies(receive(url, 10)) == ["g2-m1", "g2-m2", "g3-m1"]

# test_fifo_message_group_visibility_after_delete: once all of g1's received messages are deleted, g1
# is available again at the place of its now first message (AWS's answer, g3 after g1).
url = fifo_queue()
send(url, "g1-m1", "g2-m1", "g1-m2", "g2-m2", "g1-m2", "g1-m3", "g1-m4", "g3-m1")
held = receive(url, 2)
for message in held:
    sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
assert bodies(receive(url, 10)) == ["g2-m1", "g2-m2", "g1-m3", "g1-m4", "g3-m1"]

# test_fifo_receive_message_visibility_timeout_shared_in_group, with the timeouts ended by
# ChangeMessageVisibility in the order they would expire: g3 (never received) first, then g1, then g2.
url = fifo_queue()
send(url, "g1-m1", "g1-m2", "g1-m3", "g1-m4", "g2-m1", "g3-m1")
first = receive(url, 2)
assert bodies(first) == ["g1-m1", "g1-m2"]
second = receive(url, 1)
assert bodies(second) == ["g2-m1"], "g1 is held while its messages are in flight"
for message in first + second:
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0)
assert bodies(receive(url, 10, VisibilityTimeout=0)) == ["g3-m1", "g1-m1", "g1-m2", "g1-m3", "g1-m4", "g2-m1"]
done()
