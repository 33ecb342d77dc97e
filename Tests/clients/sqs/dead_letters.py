"""Dead-letter queues through boto3: redrive on receive count, source listing, allow policies and move tasks."""
import json

from common import attributes, client, done, eventually, expect_error

sqs = client()
dlq = sqs.create_queue(QueueName="sync-dlq")["QueueUrl"]
dlq_arn = attributes(sqs, dlq, "QueueArn")["QueueArn"]
source = sqs.create_queue(QueueName="sync", Attributes={
    "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "2"})})["QueueUrl"]
source_arn = attributes(sqs, source, "QueueArn")["QueueArn"]
assert json.loads(attributes(sqs, source, "RedrivePolicy")["RedrivePolicy"]) == {
    "deadLetterTargetArn": dlq_arn, "maxReceiveCount": 2}

sqs.send_message(QueueUrl=source, MessageBody="poison")
for expected_count in ("1", "2"):
    message = sqs.receive_message(QueueUrl=source, VisibilityTimeout=0, AttributeNames=["All"])["Messages"][0]
    assert message["Attributes"]["ApproximateReceiveCount"] == expected_count
# A third receive would exceed maxReceiveCount: the message moves to the DLQ instead.
assert not sqs.receive_message(QueueUrl=source).get("Messages")
dead = sqs.receive_message(QueueUrl=dlq, AttributeNames=["All"], VisibilityTimeout=0)["Messages"][0]
assert dead["Body"] == "poison"
assert dead["Attributes"]["DeadLetterQueueSourceArn"] == source_arn
assert sqs.list_dead_letter_source_queues(QueueUrl=dlq)["queueUrls"] == [source]
assert sqs.list_dead_letter_source_queues(QueueUrl=source)["queueUrls"] == []

# RedriveAllowPolicy decides who may use a queue as DLQ.
closed = sqs.create_queue(QueueName="closed-dlq", Attributes={
    "RedriveAllowPolicy": json.dumps({"redrivePermission": "denyAll"})})["QueueUrl"]
closed_arn = attributes(sqs, closed, "QueueArn")["QueueArn"]
expect_error("InvalidParameterValue", sqs.set_queue_attributes, QueueUrl=source, Attributes={
    "RedrivePolicy": json.dumps({"deadLetterTargetArn": closed_arn, "maxReceiveCount": 3})})
sqs.set_queue_attributes(QueueUrl=closed, Attributes={
    "RedriveAllowPolicy": json.dumps({"redrivePermission": "byQueue", "sourceQueueArns": [source_arn]})})
sqs.set_queue_attributes(QueueUrl=source, Attributes={
    "RedrivePolicy": json.dumps({"deadLetterTargetArn": closed_arn, "maxReceiveCount": 3})})
expect_error("InvalidParameterValue", sqs.set_queue_attributes, QueueUrl=closed, Attributes={
    "RedriveAllowPolicy": json.dumps({"redrivePermission": "sometimes"})})
expect_error("InvalidParameterValue", sqs.set_queue_attributes, QueueUrl=source, Attributes={
    "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 1001})})
sqs.set_queue_attributes(QueueUrl=source, Attributes={
    "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 2})})

# A move task returns dead letters to their source, with a fresh receive count.
task = sqs.start_message_move_task(SourceArn=dlq_arn)["TaskHandle"]
done_task = eventually(lambda: next((t for t in sqs.list_message_move_tasks(SourceArn=dlq_arn)["Results"]
                                     if t["Status"] == "COMPLETED"), None))
assert done_task["ApproximateNumberOfMessagesMoved"] == 1 and done_task["ApproximateNumberOfMessagesToMove"] == 1
assert "TaskHandle" not in done_task
back = sqs.receive_message(QueueUrl=source, AttributeNames=["All"])["Messages"][0]
assert back["Body"] == "poison" and back["Attributes"]["ApproximateReceiveCount"] == "1"
expect_error("InvalidParameterValue", sqs.cancel_message_move_task, TaskHandle=task)

# A slow task can be cancelled while it runs, and reports what it moved.
for index in range(10):
    sqs.send_message(QueueUrl=dlq, MessageBody=f"dead-{index}")
other = sqs.create_queue(QueueName="elsewhere")["QueueUrl"]
other_arn = attributes(sqs, other, "QueueArn")["QueueArn"]
slow = sqs.start_message_move_task(SourceArn=dlq_arn, DestinationArn=other_arn, MaxNumberOfMessagesPerSecond=1)["TaskHandle"]
running = sqs.list_message_move_tasks(SourceArn=dlq_arn, MaxResults=10)["Results"][0]
assert running["Status"] == "RUNNING" and running["TaskHandle"] == slow
assert running["DestinationArn"] == other_arn and running["MaxNumberOfMessagesPerSecond"] == 1
expect_error("InvalidParameterValue", sqs.start_message_move_task, SourceArn=dlq_arn)
cancelled = sqs.cancel_message_move_task(TaskHandle=slow)
assert cancelled["ApproximateNumberOfMessagesMoved"] < 10
assert sqs.list_message_move_tasks(SourceArn=dlq_arn)["Results"][0]["Status"] == "CANCELLED"

expect_error("InvalidParameterValue", sqs.start_message_move_task, SourceArn=other_arn)
expect_error("ResourceNotFoundException", sqs.start_message_move_task, status=404,
             SourceArn="arn:aws:sqs:us-east-1:000000000000:missing")
expect_error("InvalidParameterValue", sqs.start_message_move_task, SourceArn=dlq_arn, MaxNumberOfMessagesPerSecond=501)
expect_error("ResourceNotFoundException", sqs.cancel_message_move_task, status=404, TaskHandle="bm9wZQ==")
expect_error("ResourceNotFoundException", sqs.list_message_move_tasks, status=404,
             SourceArn="arn:aws:sqs:us-east-1:000000000000:missing")
done()
