"""Queue lifecycle, attributes, listing, tags and permissions through boto3 (JSON protocol)."""
import json

from common import attributes, client, done, expect_error

sqs = client()

url = sqs.create_queue(QueueName="orders", Attributes={"VisibilityTimeout": "45"})["QueueUrl"]
assert url.endswith("/000000000000/orders"), url
# CreateQueue is idempotent for identical attributes and refuses different ones.
assert sqs.create_queue(QueueName="orders", Attributes={"VisibilityTimeout": "45"})["QueueUrl"] == url
expect_error("QueueAlreadyExists", sqs.create_queue, QueueName="orders", Attributes={"VisibilityTimeout": "46"})
expect_error("InvalidParameterValue", sqs.create_queue, QueueName="bad name!")
expect_error("InvalidParameterValue", sqs.create_queue, QueueName="x" * 81)
expect_error("InvalidParameterValue", sqs.create_queue, QueueName="plain", Attributes={"FifoQueue": "true"})
expect_error("InvalidParameterValue", sqs.create_queue, QueueName="named.fifo")
expect_error("InvalidAttributeName", sqs.create_queue, QueueName="typo", Attributes={"VisibilityTimeOut": "5"})
expect_error("InvalidAttributeValue", sqs.create_queue, QueueName="range", Attributes={"VisibilityTimeout": "43201"})
expect_error("InvalidAttributeValue", sqs.create_queue, QueueName="range", Attributes={"MessageRetentionPeriod": "59"})
expect_error("InvalidAttributeValue", sqs.create_queue, QueueName="range", Attributes={"MaximumMessageSize": "1048577"})
expect_error("InvalidAttributeName", sqs.create_queue, QueueName="std", Attributes={"ContentBasedDeduplication": "true"})

assert sqs.get_queue_url(QueueName="orders")["QueueUrl"] == url
expect_error("AWS.SimpleQueueService.NonExistentQueue", sqs.get_queue_url, QueueName="missing",
             message="The specified queue does not exist.")

attrs = attributes(sqs, url)
assert attrs["VisibilityTimeout"] == "45"
assert attrs["QueueArn"] == "arn:aws:sqs:us-east-1:000000000000:orders"
for name, value in {"DelaySeconds": "0", "MaximumMessageSize": "1048576", "MessageRetentionPeriod": "345600",
                    "ReceiveMessageWaitTimeSeconds": "0", "ApproximateNumberOfMessages": "0",
                    "ApproximateNumberOfMessagesNotVisible": "0", "ApproximateNumberOfMessagesDelayed": "0",
                    "SqsManagedSseEnabled": "true"}.items():
    assert attrs[name] == value, (name, attrs[name])
assert int(attrs["CreatedTimestamp"]) > 1_600_000_000
assert attributes(sqs, url, "DelaySeconds") == {"DelaySeconds": "0"}
expect_error("InvalidAttributeName", sqs.get_queue_attributes, QueueUrl=url, AttributeNames=["Nope"])

sqs.set_queue_attributes(QueueUrl=url, Attributes={"DelaySeconds": "2", "ReceiveMessageWaitTimeSeconds": "1",
                                                   "Policy": json.dumps({"Version": "2012-10-17", "Statement": []})})
assert attributes(sqs, url, "DelaySeconds", "ReceiveMessageWaitTimeSeconds") == {
    "DelaySeconds": "2", "ReceiveMessageWaitTimeSeconds": "1"}
expect_error("InvalidAttributeValue", sqs.set_queue_attributes, QueueUrl=url, Attributes={"DelaySeconds": "901"})
expect_error("InvalidAttributeName", sqs.set_queue_attributes, QueueUrl=url, Attributes={"FifoQueue": "true"})
expect_error("InvalidParameterValue", sqs.set_queue_attributes, QueueUrl=url, Attributes={
    "RedrivePolicy": json.dumps({"deadLetterTargetArn": "arn:aws:sqs:us-east-1:000000000000:nowhere", "maxReceiveCount": 3})})
expect_error("InvalidParameterValue", sqs.set_queue_attributes, QueueUrl=url, Attributes={"RedrivePolicy": "{not json"})
# A policy must be a JSON object; the one set above is still in place after a refused one.
expect_error("InvalidAttributeValue", sqs.set_queue_attributes, QueueUrl=url, Attributes={"Policy": "{not json"})
expect_error("InvalidAttributeValue", sqs.set_queue_attributes, QueueUrl=url, Attributes={"Policy": "[]"})
assert json.loads(attributes(sqs, url, "Policy")["Policy"]) == {"Version": "2012-10-17", "Statement": []}
expect_error("AWS.SimpleQueueService.NonExistentQueue", sqs.set_queue_attributes,
             QueueUrl=url.replace("orders", "ghost"), Attributes={"DelaySeconds": "1"})

# The region of ARNs follows the request's SigV4 credential scope.
eu = client("eu-west-1")
eu_url = eu.create_queue(QueueName="eu-queue")["QueueUrl"]
assert attributes(eu, eu_url, "QueueArn")["QueueArn"] == "arn:aws:sqs:eu-west-1:000000000000:eu-queue"

# Listing: prefix, then pages of MaxResults with NextToken.
for index in range(5):
    sqs.create_queue(QueueName=f"page-{index}")
listed = sqs.list_queues(QueueNamePrefix="page-")["QueueUrls"]
assert [u.rsplit("/", 1)[1] for u in listed] == [f"page-{i}" for i in range(5)], listed
first = sqs.list_queues(QueueNamePrefix="page-", MaxResults=2)
assert len(first["QueueUrls"]) == 2 and "NextToken" in first
second = sqs.list_queues(QueueNamePrefix="page-", MaxResults=2, NextToken=first["NextToken"])
third = sqs.list_queues(QueueNamePrefix="page-", MaxResults=2, NextToken=second["NextToken"])
assert [u.rsplit("/", 1)[1] for u in second["QueueUrls"] + third["QueueUrls"]] == ["page-2", "page-3", "page-4"]
assert "NextToken" not in third
assert "QueueUrls" not in sqs.list_queues(QueueNamePrefix="zzz"), "SQS omits an empty list"
expect_error("InvalidParameterValue", sqs.list_queues, MaxResults=1001)

# Tags.
tagged = sqs.create_queue(QueueName="tagged", tags={"team": "crm"})["QueueUrl"]
assert sqs.list_queue_tags(QueueUrl=tagged)["Tags"] == {"team": "crm"}
sqs.tag_queue(QueueUrl=tagged, Tags={"env": "dev", "team": "sync"})
assert sqs.list_queue_tags(QueueUrl=tagged)["Tags"] == {"env": "dev", "team": "sync"}
sqs.untag_queue(QueueUrl=tagged, TagKeys=["env"])
assert sqs.list_queue_tags(QueueUrl=tagged)["Tags"] == {"team": "sync"}
expect_error("InvalidParameterValue", sqs.tag_queue, QueueUrl=tagged, Tags={f"k{i}": "v" for i in range(50)})

# Permissions are kept in the queue's Policy, written as SQS writes it (AWS's recorded answer in
# LocalStack's test_sqs_permission_lifecycle snapshot): a single principal or action is a string.
tagged_arn = attributes(sqs, tagged, "QueueArn")["QueueArn"]
sqs.add_permission(QueueUrl=tagged, Label="partner", AWSAccountIds=["111122223333"], Actions=["SendMessage"])
sqs.add_permission(QueueUrl=tagged, Label="crossaccount", AWSAccountIds=["000000000000", "668614515564"],
                   Actions=["ReceiveMessage", "DeleteMessage"])
policy = json.loads(attributes(sqs, tagged, "Policy")["Policy"])
assert policy["Version"] == "2008-10-17" and policy["Id"] == f"{tagged_arn}/SQSDefaultPolicy", policy
assert policy["Statement"] == [
    {"Sid": "partner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
     "Action": "SQS:SendMessage", "Resource": tagged_arn},
    {"Sid": "crossaccount", "Effect": "Allow",
     "Principal": {"AWS": ["arn:aws:iam::000000000000:root", "arn:aws:iam::668614515564:root"]},
     "Action": ["SQS:ReceiveMessage", "SQS:DeleteMessage"], "Resource": tagged_arn},
], policy["Statement"]
expect_error("InvalidParameterValue", sqs.add_permission, QueueUrl=tagged, Label="partner",
             AWSAccountIds=["111122223333"], Actions=["SendMessage"],
             message="Value partner for parameter Label is invalid. Reason: Already exists.")
expect_error("InvalidParameterValue", sqs.add_permission, QueueUrl=tagged, Label="other",
             AWSAccountIds=["111122223333"], Actions=["FlyAway"])
sqs.remove_permission(QueueUrl=tagged, Label="partner")
assert [s["Sid"] for s in json.loads(attributes(sqs, tagged, "Policy")["Policy"])["Statement"]] == ["crossaccount"]
sqs.remove_permission(QueueUrl=tagged, Label="crossaccount")
assert "Policy" not in attributes(sqs, tagged)
expect_error("InvalidParameterValue", sqs.remove_permission, QueueUrl=tagged, Label="partner",
             message="Value partner for parameter Label is invalid. Reason: can't find label.")

# Purge empties the queue, once a minute.
sqs.send_message(QueueUrl=tagged, MessageBody="a")
sqs.purge_queue(QueueUrl=tagged)
assert attributes(sqs, tagged, "ApproximateNumberOfMessages")["ApproximateNumberOfMessages"] == "0"
expect_error("AWS.SimpleQueueService.PurgeQueueInProgress", sqs.purge_queue, QueueUrl=tagged, status=403)

sqs.delete_queue(QueueUrl=url)
expect_error("AWS.SimpleQueueService.NonExistentQueue", sqs.get_queue_url, QueueName="orders")
expect_error("AWS.SimpleQueueService.NonExistentQueue", sqs.delete_queue, QueueUrl=url)
done()
