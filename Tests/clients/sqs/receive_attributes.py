"""Which attributes a receive returns, through boto3 (JSON) and raw Query requests: wildcards and prefixes in
MessageAttributeNames, system attributes named in AttributeNames and MessageSystemAttributeNames, and
AWSTraceHeader taken from the request's X-Amzn-Trace-Id header or the message's system attribute.

Expected answers are AWS's as recorded in LocalStack's test_sqs snapshot
(test_receive_message_message_attribute_names_filters, test_receive_message_attribute_names_filters,
test_system_attributes_have_no_effect_on_attr_md5); the trace header rules are the X-Ray guide's
("Amazon SQS and AWS X-Ray")."""
import os

from common import client, done
from query import NS, call

sqs = client()
url = sqs.create_queue(QueueName="selection", Attributes={"VisibilityTimeout": "0"})["QueueUrl"]
user_attributes = {
    "Help.Me": {"DataType": "String", "StringValue": "Me"},
    "Hello": {"DataType": "String", "StringValue": "There"},
    "General": {"DataType": "String", "StringValue": "Kenobi"},
}
sent = sqs.send_message(QueueUrl=url, MessageBody="msg", MessageAttributes=user_attributes)
assert sent["MD5OfMessageAttributes"] == "4c360f3fdafd970e05fae2f149d997f5", sent


def receive(**kwargs):
    return sqs.receive_message(QueueUrl=url, **kwargs)["Messages"][0]


# Message attributes: none unless asked for; All, * and .* select all; prefix.* selects by prefix.
message = receive()
assert not {"MessageAttributes", "MD5OfMessageAttributes", "Attributes"} & set(message), message
for names in (["All"], ["*"], [".*"]):
    message = receive(MessageAttributeNames=names)
    assert message["MessageAttributes"] == user_attributes, (names, message)
    assert message["MD5OfMessageAttributes"] == "4c360f3fdafd970e05fae2f149d997f5", (names, message)
for names, expected, md5 in [
    (["Hello", "General"], {"Hello", "General"}, "fca026605781cb4126a1e9044df24232"),
    (["Foo", "Hello"], {"Hello"}, "a311262e065454b75da111d535b8dacd"),
    (["Hel.*"], {"Hello", "Help.Me"}, "83fee93c1bcd8b9a5a923ffacdc636c7"),
]:
    message = receive(MessageAttributeNames=names)
    assert set(message["MessageAttributes"]) == expected, (names, message)
    assert message["MD5OfMessageAttributes"] == md5, (names, message)
# Names that match nothing, and names no attribute may have, select nothing and are no error.
for names in (["Foo", "Help"], ["AWS."], ["..foo"]):
    message = receive(MessageAttributeNames=names)
    assert not message.get("MessageAttributes") and "MD5OfMessageAttributes" not in message, (names, message)

# System attributes: the deprecated AttributeNames and MessageSystemAttributeNames both select, together.
basic = {"ApproximateFirstReceiveTimestamp", "ApproximateReceiveCount", "SenderId", "SentTimestamp"}
assert set(receive(AttributeNames=["All"])["Attributes"]) == basic
assert set(receive(MessageSystemAttributeNames=["All"])["Attributes"]) == basic
assert set(receive(AttributeNames=["SenderId"])["Attributes"]) == {"SenderId"}
assert set(receive(AttributeNames=["SenderId", "SequenceNumber"])["Attributes"]) == {"SenderId"}
assert set(receive(AttributeNames=["SenderId"], MessageSystemAttributeNames=["SentTimestamp"])["Attributes"]) == {
    "SenderId", "SentTimestamp"}
both = receive(AttributeNames=["All"], MessageAttributeNames=["All"])
assert set(both["Attributes"]) == basic and both["MessageAttributes"] == user_attributes

# AWSTraceHeader: from the X-Amzn-Trace-Id header of the send (botocore sends it inside a Lambda
# function), for every message of a batch; a message's own AWSTraceHeader system attribute overrides it.
traced = sqs.create_queue(QueueName="traced")["QueueUrl"]
lambda_trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"
own_trace = {"AWSTraceHeader": {"DataType": "String", "StringValue": "Root=1-00000000-own"}}
sqs.send_message(QueueUrl=traced, MessageBody="untraced")
os.environ.update({"AWS_LAMBDA_FUNCTION_NAME": "tracer", "_X_AMZN_TRACE_ID": lambda_trace})
try:
    single = sqs.send_message(QueueUrl=traced, MessageBody="single")
    assert "MD5OfMessageSystemAttributes" not in single, single
    batch = sqs.send_message_batch(QueueUrl=traced, Entries=[
        {"Id": "plain", "MessageBody": "batched"},
        {"Id": "own", "MessageBody": "own", "MessageSystemAttributes": own_trace},
    ])
    assert len(batch["Successful"]) == 2, batch
finally:
    del os.environ["AWS_LAMBDA_FUNCTION_NAME"], os.environ["_X_AMZN_TRACE_ID"]
# The system attribute's digest is AWS's, and it leaves the message attributes' digest alone.
with_system = sqs.send_message(QueueUrl=traced, MessageBody="test", MessageAttributes=user_attributes,
                               MessageSystemAttributes={"AWSTraceHeader": {"DataType": "String", "StringValue": lambda_trace}})
assert with_system["MD5OfMessageSystemAttributes"] == "5ae4d5d7636402d80f4eb6d213245a88", with_system
assert with_system["MD5OfMessageAttributes"] == sent["MD5OfMessageAttributes"]

received = sqs.receive_message(QueueUrl=traced, MaxNumberOfMessages=10, VisibilityTimeout=0,
                               MessageSystemAttributeNames=["AWSTraceHeader"])["Messages"]
traces = {m["Body"]: m.get("Attributes", {}).get("AWSTraceHeader") for m in received}
assert traces == {"untraced": None, "single": lambda_trace, "batched": lambda_trace,
                  "own": "Root=1-00000000-own", "test": lambda_trace}, traces
everything = sqs.receive_message(QueueUrl=traced, MaxNumberOfMessages=10, AttributeNames=["All"])["Messages"]
assert {m["Body"] for m in everything if "AWSTraceHeader" in m["Attributes"]} == {"single", "batched", "own", "test"}

# The same through the Query protocol: the header on a form-encoded send, names as AttributeName.N,
# MessageSystemAttributeName.N and MessageAttributeName.N.
status, root = call({"Action": "CreateQueue", "QueueName": "traced-query", "Attribute.1.Name": "VisibilityTimeout",
                      "Attribute.1.Value": "0"})
assert status == 200, root
query_url = root.findtext("sqs:CreateQueueResult/sqs:QueueUrl", namespaces=NS)
status, root = call({"Action": "SendMessage", "QueueUrl": query_url, "MessageBody": "via query",
                      "MessageAttribute.1.Name": "Hello", "MessageAttribute.1.Value.DataType": "String",
                      "MessageAttribute.1.Value.StringValue": "There",
                      "MessageAttribute.2.Name": "General", "MessageAttribute.2.Value.DataType": "String",
                      "MessageAttribute.2.Value.StringValue": "Kenobi"},
                     headers={"X-Amzn-Trace-Id": lambda_trace})
assert status == 200 and root.find("sqs:SendMessageResult/sqs:MD5OfMessageSystemAttributes", NS) is None, root


def query_receive(params):
    status, root = call({"Action": "ReceiveMessage", "QueueUrl": query_url, **params})
    assert status == 200, root
    message = root.find("sqs:ReceiveMessageResult/sqs:Message", NS)
    system = {a.findtext("sqs:Name", namespaces=NS): a.findtext("sqs:Value", namespaces=NS)
              for a in message.findall("sqs:Attribute", NS)}
    user = {a.findtext("sqs:Name", namespaces=NS): a.findtext("sqs:Value/sqs:StringValue", namespaces=NS)
            for a in message.findall("sqs:MessageAttribute", NS)}
    return system, user, message.findtext("sqs:MD5OfMessageAttributes", namespaces=NS)


system, user, md5 = query_receive({"AttributeName.1": "SenderId", "MessageSystemAttributeName.1": "AWSTraceHeader",
                                   "MessageAttributeName.1": "Hel.*"})
assert set(system) == {"SenderId", "AWSTraceHeader"} and system["AWSTraceHeader"] == lambda_trace, system
assert user == {"Hello": "There"}, user
assert md5 == "a311262e065454b75da111d535b8dacd", md5
system, user, md5 = query_receive({"MessageAttributeName.1": ".*"})
assert system == {} and user == {"Hello": "There", "General": "Kenobi"} and md5 == "fca026605781cb4126a1e9044df24232"
done()
