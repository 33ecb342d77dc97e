"""The Query protocol through raw HTTP: form-encoded requests, XML answers parsed and checked."""
import hashlib
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

from common import ENDPOINT, done

NS = {"sqs": "http://queue.amazonaws.com/doc/2012-11-05/"}


def call(params, path="/", method="POST"):
    data = urllib.parse.urlencode(params).encode()
    if method == "GET":
        request = urllib.request.Request(f"{ENDPOINT}{path}?{data.decode()}", method="GET")
    else:
        request = urllib.request.Request(f"{ENDPOINT}{path}", data=data, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, ElementTree.fromstring(response.read())
    except urllib.error.HTTPError as error:
        return error.code, ElementTree.fromstring(error.read())


def text(root, path):
    return root.findtext(path, namespaces=NS)


status, root = call({"Action": "CreateQueue", "QueueName": "query-q",
                     "Attribute.1.Name": "VisibilityTimeout", "Attribute.1.Value": "40",
                     "Tag.1.Key": "team", "Tag.1.Value": "crm"})
assert status == 200 and root.tag == "{%s}CreateQueueResponse" % NS["sqs"], ElementTree.tostring(root)
url = text(root, "sqs:CreateQueueResult/sqs:QueueUrl")
assert url.endswith("/000000000000/query-q"), url
assert text(root, "sqs:ResponseMetadata/sqs:RequestId")

status, root = call({"Action": "GetQueueAttributes", "QueueUrl": url,
                     "AttributeName.1": "VisibilityTimeout", "AttributeName.2": "QueueArn"})
pairs = {a.findtext("sqs:Name", namespaces=NS): a.findtext("sqs:Value", namespaces=NS)
         for a in root.findall("sqs:GetQueueAttributesResult/sqs:Attribute", NS)}
assert pairs == {"VisibilityTimeout": "40", "QueueArn": "arn:aws:sqs:us-east-1:000000000000:query-q"}, pairs

status, root = call({"Action": "SendMessage", "QueueUrl": url, "MessageBody": "hello & <xml>",
                     "MessageAttribute.1.Name": "kind", "MessageAttribute.1.Value.DataType": "String",
                     "MessageAttribute.1.Value.StringValue": "contact"})
assert status == 200
assert text(root, "sqs:SendMessageResult/sqs:MD5OfMessageBody") == hashlib.md5(b"hello & <xml>").hexdigest()
assert text(root, "sqs:SendMessageResult/sqs:MD5OfMessageAttributes")

status, root = call({"Action": "SendMessageBatch", "QueueUrl": url,
                     "SendMessageBatchRequestEntry.1.Id": "a", "SendMessageBatchRequestEntry.1.MessageBody": "one",
                     "SendMessageBatchRequestEntry.2.Id": "b", "SendMessageBatchRequestEntry.2.MessageBody": "two"})
ids = [e.findtext("sqs:Id", namespaces=NS) for e in root.findall("sqs:SendMessageBatchResult/sqs:SendMessageBatchResultEntry", NS)]
assert sorted(ids) == ["a", "b"], ElementTree.tostring(root)

# Sent to the queue's own URL path, without QueueUrl; MaxNumberOfMessages as a string.
path = urllib.parse.urlparse(url).path
status, root = call({"Action": "ReceiveMessage", "MaxNumberOfMessages": "10", "AttributeName.1": "All",
                     "MessageAttributeName.1": "All", "VisibilityTimeout": "0"}, path=path)
messages = root.findall("sqs:ReceiveMessageResult/sqs:Message", NS)
bodies = sorted(m.findtext("sqs:Body", namespaces=NS) for m in messages)
assert bodies == ["hello & <xml>", "one", "two"], bodies
first = next(m for m in messages if m.findtext("sqs:Body", namespaces=NS) == "hello & <xml>")
attribute_names = {a.findtext("sqs:Name", namespaces=NS) for a in first.findall("sqs:Attribute", NS)}
assert {"SenderId", "SentTimestamp", "ApproximateReceiveCount"} <= attribute_names, attribute_names
user = first.find("sqs:MessageAttribute", NS)
assert user.findtext("sqs:Name", namespaces=NS) == "kind"
assert user.findtext("sqs:Value/sqs:StringValue", namespaces=NS) == "contact"
assert user.findtext("sqs:Value/sqs:DataType", namespaces=NS) == "String"
handle = first.findtext("sqs:ReceiptHandle", namespaces=NS)

status, root = call({"Action": "ChangeMessageVisibilityBatch", "QueueUrl": url,
                     "ChangeMessageVisibilityBatchRequestEntry.1.Id": "x",
                     "ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle": "garbage",
                     "ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout": "5"})
failed = root.find("sqs:ChangeMessageVisibilityBatchResult/sqs:BatchResultErrorEntry", NS)
assert failed.findtext("sqs:Code", namespaces=NS) == "ReceiptHandleIsInvalid"
assert failed.findtext("sqs:SenderFault", namespaces=NS) == "true"

status, root = call({"Action": "DeleteMessageBatch", "QueueUrl": url,
                     "DeleteMessageBatchRequestEntry.1.Id": "d", "DeleteMessageBatchRequestEntry.1.ReceiptHandle": handle})
assert root.find("sqs:DeleteMessageBatchResult/sqs:DeleteMessageBatchResultEntry", NS) is not None

status, root = call({"Action": "ListQueues", "QueueNamePrefix": "query"}, method="GET")
assert [e.text for e in root.findall("sqs:ListQueuesResult/sqs:QueueUrl", NS)] == [url]

status, root = call({"Action": "ListQueueTags", "QueueUrl": url})
tags = {t.findtext("sqs:Key", namespaces=NS): t.findtext("sqs:Value", namespaces=NS)
        for t in root.findall("sqs:ListQueueTagsResult/sqs:Tag", NS)}
assert tags == {"team": "crm"}, tags
status, _ = call({"Action": "TagQueue", "QueueUrl": url, "Tag.1.Key": "env", "Tag.1.Value": "dev"})
status, _ = call({"Action": "UntagQueue", "QueueUrl": url, "TagKey.1": "team"})
status, root = call({"Action": "ListQueueTags", "QueueUrl": url})
assert [t.findtext("sqs:Key", namespaces=NS) for t in root.findall("sqs:ListQueueTagsResult/sqs:Tag", NS)] == ["env"]

status, root = call({"Action": "AddPermission", "QueueUrl": url, "Label": "p", "AWSAccountId.1": "111122223333",
                     "ActionName.1": "SendMessage"})
assert status == 200 and root.tag.endswith("AddPermissionResponse")
status, root = call({"Action": "RemovePermission", "QueueUrl": url, "Label": "p"})
assert status == 200

status, root = call({"Action": "SetQueueAttributes", "QueueUrl": url,
                     "Attribute.1.Name": "DelaySeconds", "Attribute.1.Value": "3"})
assert status == 200 and root.find("sqs:ResponseMetadata", NS) is not None
status, root = call({"Action": "GetQueueUrl", "QueueName": "query-q"})
assert text(root, "sqs:GetQueueUrlResult/sqs:QueueUrl") == url
status, root = call({"Action": "ListDeadLetterSourceQueues", "QueueUrl": url})
assert status == 200 and root.find("sqs:ListDeadLetterSourceQueuesResult", NS) is not None
status, root = call({"Action": "ListMessageMoveTasks", "SourceArn": "arn:aws:sqs:us-east-1:000000000000:query-q"})
assert status == 200 and root.find("sqs:ListMessageMoveTasksResult", NS) is not None

# Errors: XML ErrorResponse with Type, Code and Message.
status, root = call({"Action": "GetQueueUrl", "QueueName": "absent"})
assert status == 400 and root.tag == "{%s}ErrorResponse" % NS["sqs"]
assert text(root, "sqs:Error/sqs:Type") == "Sender"
assert text(root, "sqs:Error/sqs:Code") == "AWS.SimpleQueueService.NonExistentQueue"
assert text(root, "sqs:Error/sqs:Message") == "The specified queue does not exist."
assert text(root, "sqs:RequestId")
status, root = call({"Action": "Explode"})
assert status == 400 and text(root, "sqs:Error/sqs:Code") == "InvalidAction"
status, root = call({"QueueName": "no-action"})
assert status == 400 and text(root, "sqs:Error/sqs:Code") == "MissingParameter"
status, root = call({"Action": "CreateQueue"})
assert status == 400 and text(root, "sqs:Error/sqs:Code") == "MissingParameter"
status, root = call({"Action": "ReceiveMessage", "QueueUrl": url, "MaxNumberOfMessages": "ten"})
assert status == 400 and text(root, "sqs:Error/sqs:Code") == "InvalidParameterValue"
status, root = call({"Action": "SendMessageBatch", "QueueUrl": url})
assert text(root, "sqs:Error/sqs:Code") == "AWS.SimpleQueueService.EmptyBatchRequest"

# A malformed percent-escape.
request = urllib.request.Request(f"{ENDPOINT}/", data=b"Action=ListQueues&QueueNamePrefix=%zz", method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
try:
    urllib.request.urlopen(request)
    raise AssertionError("malformed query accepted")
except urllib.error.HTTPError as error:
    assert error.code == 400
    assert ElementTree.fromstring(error.read()).findtext("sqs:Error/sqs:Code", namespaces=NS) == "MalformedQueryString"

status, root = call({"Action": "PurgeQueue", "QueueUrl": url})
assert status == 200
status, root = call({"Action": "DeleteQueue", "QueueUrl": url})
assert status == 200 and root.tag.endswith("DeleteQueueResponse")
done()
