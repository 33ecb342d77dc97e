"""Message move tasks through raw Query requests: StartMessageMoveTask, ListMessageMoveTasks and
CancelMessageMoveTask, and their errors with AWS's code, message and HTTP status (404 for a resource that
does not exist), as recorded in LocalStack's test_sqs_move_task snapshot; codes and statuses as in the
Query-protocol SQS model (aws-sdk-go models/apis/sqs/2012-11-05/api-2.json: ResourceNotFoundException, 404)."""
import base64
import json

from common import done
from query import NS, call, expect_query_error


def create(name, **attributes):
    params = {"Action": "CreateQueue", "QueueName": name}
    for index, (key, value) in enumerate(attributes.items(), start=1):
        params |= {f"Attribute.{index}.Name": key, f"Attribute.{index}.Value": value}
    status, root = call(params)
    assert status == 200, root
    url = root.findtext("sqs:CreateQueueResult/sqs:QueueUrl", namespaces=NS)
    status, root = call({"Action": "GetQueueAttributes", "QueueUrl": url, "AttributeName.1": "QueueArn"})
    return url, root.findtext("sqs:GetQueueAttributesResult/sqs:Attribute/sqs:Value", namespaces=NS)


dlq, dlq_arn = create("moves-dlq")
create("moves", RedrivePolicy=json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 1}))
elsewhere, elsewhere_arn = create("moves-elsewhere")
# Sixty dead letters at one a second: the task is still running a minute later, however slow the machine.
for batch in range(6):
    entries = {}
    for index in range(1, 11):
        entries |= {f"SendMessageBatchRequestEntry.{index}.Id": f"m{index}",
                    f"SendMessageBatchRequestEntry.{index}.MessageBody": f"dead-{batch}-{index}"}
    assert call({"Action": "SendMessageBatch", "QueueUrl": dlq, **entries})[0] == 200

status, root = call({"Action": "StartMessageMoveTask", "SourceArn": dlq_arn, "DestinationArn": elsewhere_arn,
                      "MaxNumberOfMessagesPerSecond": "1"})
assert status == 200 and root.tag == "{%s}StartMessageMoveTaskResponse" % NS["sqs"], root
handle = root.findtext("sqs:StartMessageMoveTaskResult/sqs:TaskHandle", namespaces=NS)
assert json.loads(base64.b64decode(handle))["sourceArn"] == dlq_arn

status, root = call({"Action": "ListMessageMoveTasks", "SourceArn": dlq_arn})
assert status == 200, root
entries = root.findall("sqs:ListMessageMoveTasksResult/sqs:ListMessageMoveTasksResultEntry", NS)
assert len(entries) == 1, [element.tag for element in root.iter()]
entry = {child.tag.split("}")[1]: child.text for child in entries[0]}
assert entry["Status"] == "RUNNING" and entry["TaskHandle"] == handle and entry["SourceArn"] == dlq_arn, entry
assert entry["DestinationArn"] == elsewhere_arn and entry["MaxNumberOfMessagesPerSecond"] == "1", entry
assert entry["ApproximateNumberOfMessagesToMove"] == "60", entry

expect_query_error(call({"Action": "StartMessageMoveTask", "SourceArn": dlq_arn}), 400, "InvalidParameterValue",
                   "There is already a task running. Only one active task is allowed for a source queue arn at a given time.")
status, root = call({"Action": "CancelMessageMoveTask", "TaskHandle": handle})
assert status == 200 and root.findtext("sqs:CancelMessageMoveTaskResult/sqs:ApproximateNumberOfMessagesMoved",
                                       namespaces=NS) is not None, root

expect_query_error(call({"Action": "StartMessageMoveTask", "SourceArn": elsewhere_arn}), 400, "InvalidParameterValue",
                   "Source queue must be configured as a Dead Letter Queue.")
expect_query_error(call({"Action": "StartMessageMoveTask", "SourceArn": dlq_arn, "DestinationArn": elsewhere_arn + "doesntexist"}),
                   404, "ResourceNotFoundException",
                   "The resource that you specified for the DestinationArn parameter doesn't exist.")
expect_query_error(call({"Action": "CancelMessageMoveTask", "TaskHandle": "foobared"}), 400, "InvalidParameterValue",
                   "Value for parameter TaskHandle is invalid.")
gone = json.dumps({"taskId": "10f57157-fc38-4da9-a113-4de7e12d05dd", "sourceArn": dlq_arn + "-gone"})
expect_query_error(call({"Action": "CancelMessageMoveTask", "TaskHandle": base64.b64encode(gone.encode()).decode()}),
                   404, "ResourceNotFoundException",
                   "The resource that you specified for the SourceArn parameter doesn't exist.")
unknown = json.dumps({"taskId": "10f57157-fc38-4da9-a113-4de7e12d05aa", "sourceArn": dlq_arn})
expect_query_error(call({"Action": "CancelMessageMoveTask", "TaskHandle": base64.b64encode(unknown.encode()).decode()}),
                   404, "ResourceNotFoundException", "Task does not exist.")
expect_query_error(call({"Action": "ListMessageMoveTasks", "SourceArn": dlq_arn + "-gone"}), 404, "ResourceNotFoundException",
                   "The resource that you specified for the SourceArn parameter doesn't exist.")
done()
