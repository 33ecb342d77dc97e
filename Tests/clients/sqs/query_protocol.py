"""The Query protocol through raw HTTP: form-encoded requests, XML answers parsed and checked."""
import hashlib
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

import botocore.auth
import botocore.awsrequest
import botocore.credentials

from common import ENDPOINT, done
from query import NS, call, expect_query_error, send, text

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
# The entries by their JSON member name, as botocore's query serializer sends them for a model whose
# list members carry no names; an empty list as the bare name.
status, root = call({"Action": "SendMessageBatch", "QueueUrl": url, "Entries.1.Id": "c", "Entries.1.MessageBody": "three"})
assert status == 200, ElementTree.tostring(root)
ids = [e.findtext("sqs:Id", namespaces=NS) for e in root.findall("sqs:SendMessageBatchResult/sqs:SendMessageBatchResultEntry", NS)]
assert ids == ["c"], ElementTree.tostring(root)
for action, entry in [("SendMessageBatch", "SendMessageBatchRequestEntry"), ("DeleteMessageBatch", "DeleteMessageBatchRequestEntry"),
                      ("ChangeMessageVisibilityBatch", "ChangeMessageVisibilityBatchRequestEntry")]:
    expect_query_error(call({"Action": action, "QueueUrl": url, "Entries": ""}), 400, "AWS.SimpleQueueService.EmptyBatchRequest",
                 f"There should be at least one {entry} in the request.")
    expect_query_error(call({"Action": action, "QueueUrl": url}), 400, "MissingParameter",
                 "The request must contain the parameter Entries.")

# Sent to the queue's own URL path, without QueueUrl; MaxNumberOfMessages as a string.
path = urllib.parse.urlparse(url).path
status, root = call({"Action": "ReceiveMessage", "MaxNumberOfMessages": "10", "AttributeName.1": "All",
                     "MessageAttributeName.1": "All", "VisibilityTimeout": "0"}, path=path)
messages = root.findall("sqs:ReceiveMessageResult/sqs:Message", NS)
bodies = sorted(m.findtext("sqs:Body", namespaces=NS) for m in messages)
assert bodies == ["hello & <xml>", "one", "three", "two"], bodies
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

status, root = call({"Action": "ReceiveMessage", "QueueUrl": url, "VisibilityTimeout": "30"})
handle = text(root, "sqs:ReceiveMessageResult/sqs:Message/sqs:ReceiptHandle")
status, root = call({"Action": "ChangeMessageVisibility", "QueueUrl": url, "ReceiptHandle": handle, "VisibilityTimeout": "60"})
assert status == 200 and root.tag == "{%s}ChangeMessageVisibilityResponse" % NS["sqs"], ElementTree.tostring(root)
status, root = call({"Action": "DeleteMessage", "QueueUrl": url, "ReceiptHandle": handle})
assert status == 200 and root.tag == "{%s}DeleteMessageResponse" % NS["sqs"], ElementTree.tostring(root)
expect_query_error(call({"Action": "DeleteMessage", "QueueUrl": url, "ReceiptHandle": "garbage"}), 400, "ReceiptHandleIsInvalid")
expect_query_error(call({"Action": "ChangeMessageVisibility", "QueueUrl": url, "ReceiptHandle": handle}), 400, "MissingParameter",
             "The request must contain the parameter VisibilityTimeout.")

status, root = call({"Action": "ListQueues", "QueueNamePrefix": "query"}, method="GET")
assert [e.text for e in root.findall("sqs:ListQueuesResult/sqs:QueueUrl", NS)] == [url]

status, root = call({"Action": "ListQueueTags", "QueueUrl": url})
tags = {t.findtext("sqs:Key", namespaces=NS): t.findtext("sqs:Value", namespaces=NS)
        for t in root.findall("sqs:ListQueueTagsResult/sqs:Tag", NS)}
assert tags == {"team": "crm"}, tags
status, root = call({"Action": "TagQueue", "QueueUrl": url, "Tag.1.Key": "env", "Tag.1.Value": "dev"})
assert status == 200 and root.tag == "{%s}TagQueueResponse" % NS["sqs"], ElementTree.tostring(root)
status, root = call({"Action": "UntagQueue", "QueueUrl": url, "TagKey.1": "team"})
assert status == 200 and root.tag == "{%s}UntagQueueResponse" % NS["sqs"], ElementTree.tostring(root)
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

# Errors: XML ErrorResponse with Type, Code and Message. A queue that does not exist gets the Query
# protocol's own message (recorded: test_non_existent_queue's "queue-does-not-exist-query").
expect_query_error(call({"Action": "GetQueueUrl", "QueueName": "absent"}), 400, "AWS.SimpleQueueService.NonExistentQueue",
             "The specified queue does not exist for this wsdl version.")
expect_query_error(call({"Action": "Explode"}), 400, "InvalidAction", "The action Explode is not valid for this endpoint.")
expect_query_error(call({"QueueName": "no-action"}), 400, "MissingParameter")
expect_query_error(call({"Action": "CreateQueue"}), 400, "MissingParameter", "The request must contain the parameter QueueName.")
expect_query_error(call({"Action": "SendMessage", "QueueUrl": url}), 400, "MissingParameter",
             "The request must contain the parameter MessageBody.")
expect_query_error(call({"Action": "ReceiveMessage", "QueueUrl": url, "MaxNumberOfMessages": "11"}), 400, "InvalidParameterValue",
             "Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.")
expect_query_error(call({"Action": "ReceiveMessage", "QueueUrl": url, "MaxNumberOfMessages": "ten"}), 400, "InvalidParameterValue")

# A malformed percent-escape: MalformedQueryString, which AWS answers with 404 (API Reference, Common Errors).
status, body = send(urllib.request.Request(f"{ENDPOINT}/", data=b"Action=ListQueues&QueueNamePrefix=%zz", method="POST",
                                           headers={"Content-Type": "application/x-www-form-urlencoded"}))
assert status == 404, status
assert ElementTree.fromstring(body).findtext("sqs:Error/sqs:Code", namespaces=NS) == "MalformedQueryString"

# Message move tasks are sent in Query form by move_tasks_query.py.
status, root = call({"Action": "StartMessageMoveTask"})
expect_query_error((status, root), 400, "MissingParameter", "The request must contain the parameter SourceArn.")

# The Query protocol over GET, to the queue's URL (recorded against AWS: LocalStack's TestSqsQueryApi).
status, root = call({"Action": "SendMessage", "MessageBody": "by GET"}, path=path, method="GET")
assert status == 200 and text(root, "sqs:SendMessageResult/sqs:MessageId"), ElementTree.tostring(root)
# Actions on the account are not valid for a queue's URL, by GET or POST.
for action in ["CreateQueue", "ListQueues"]:
    for method in ["GET", "POST"]:
        expect_query_error(call({"Action": action, "QueueName": "other"}, path=path, method=method), 400, "InvalidAction",
                     f"The action {action} is not valid for this endpoint.")
# A GET naming no action: 404 and AWS's bare XML, even to a client that asks for JSON.
for headers in [{}, {"Accept": "application/json"}]:
    status, body = send(urllib.request.Request(f"{ENDPOINT}{path}", method="GET", headers=headers))
    assert status == 404 and body.startswith(b"<UnknownOperationException"), (status, body)
# A query-signed (presigned) GET: the signature travels in the query string, and its credential
# scope gives the region, as a header's would.
credentials = botocore.credentials.Credentials("AKIDQUEUELABTEST", "secret")
presign = botocore.awsrequest.AWSRequest(method="GET", url=f"{ENDPOINT}/", params={"Action": "CreateQueue", "QueueName": "signed-q"})
botocore.auth.SigV4QueryAuth(credentials, "sqs", "eu-west-1", expires=300).add_auth(presign)
signed_url = presign.prepare().url
assert "X-Amz-Signature=" in signed_url and "X-Amz-Credential=" in signed_url, signed_url
status, body = send(urllib.request.Request(signed_url, method="GET"))
assert status == 200, (status, body)
signed_queue = ElementTree.fromstring(body).findtext("sqs:CreateQueueResult/sqs:QueueUrl", namespaces=NS)
status, root = call({"Action": "GetQueueAttributes", "AttributeName.1": "QueueArn"}, path=urllib.parse.urlparse(signed_queue).path,
                    method="GET")
assert text(root, "sqs:GetQueueAttributesResult/sqs:Attribute/sqs:Value") == "arn:aws:sqs:eu-west-1:000000000000:signed-q", \
    ElementTree.tostring(root)
# GET DeleteQueue on the queue's URL works; a GET on the deleted queue gets the Query message.
status, root = call({"Action": "DeleteQueue"}, path=urllib.parse.urlparse(signed_queue).path, method="GET")
assert status == 200 and root.tag == "{%s}DeleteQueueResponse" % NS["sqs"], ElementTree.tostring(root)
expect_query_error(call({"Action": "GetQueueAttributes", "AttributeName.1": "QueueArn"}, path=urllib.parse.urlparse(signed_queue).path,
                  method="GET"), 400, "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist for this wsdl version.")

status, root = call({"Action": "PurgeQueue", "QueueUrl": url})
assert status == 200
status, root = call({"Action": "DeleteQueue", "QueueUrl": url})
assert status == 200 and root.tag.endswith("DeleteQueueResponse")
done()
