"""Malformed JSON-protocol requests get AWS errors, and the server keeps serving."""
import json
import urllib.error
import urllib.request

from common import ENDPOINT, client, done


def post(body, target="AmazonSQS.ListQueues", content_type="application/x-amz-json-1.0"):
    headers = {"Content-Type": content_type}
    if target is not None:
        headers["X-Amz-Target"] = target
    request = urllib.request.Request(f"{ENDPOINT}/", data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        body = error.read()
        if error.headers.get("Content-Type", "").startswith("text/plain"):
            return error.code, dict(error.headers), body.decode()
        return error.code, dict(error.headers), json.loads(body or b"{}")


def expect(result, status, shape, query_code=None, message=None):
    """An error answer: HTTP status, `__type`, the `x-amzn-query-error` code and the message."""
    got_status, headers, body = result
    assert got_status == status, (got_status, headers, body)
    assert body["__type"] == f"com.amazonaws.sqs#{shape}", body
    if query_code is not None:
        assert headers["x-amzn-query-error"] == f"{query_code};Sender", headers
    if message is not None:
        assert body["message"] == message, body


expect(post(b"{not json"), 400, "SerializationException")
expect(post(b"[1, 2]"), 400, "SerializationException")
expect(post(b"{}", target="AmazonSQS.Explode"), 400, "InvalidAction", "InvalidAction",
       "The action Explode is not valid for this endpoint.")
expect(post(b"{}", target="NotSQS"), 400, "InvalidAction", "InvalidAction")
expect(post(b'{"QueueName": 7}', target="AmazonSQS.CreateQueue"), 400, "SerializationException")
# A missing required parameter: AWS's shape MissingRequiredParameterException, query code MissingParameter.
expect(post(b"{}", target="AmazonSQS.CreateQueue"), 400, "MissingRequiredParameterException", "MissingParameter",
       "The request must contain the parameter QueueName.")
expect(post(b'{"QueueUrl": "http://x/000000000000/none"}', target="AmazonSQS.GetQueueAttributes"),
       400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.")
# A parameter value: shape InvalidParameterValueException, query code InvalidParameterValue. (boto3
# reports the header's code as Error.Code and the shape as Error.QueryErrorCode; LocalStack's snapshot
# of real AWS, test_send_receive_max_number_of_messages, has Code InvalidParameterValue and
# QueryErrorCode InvalidParameterValueException.)
queue = client().create_queue(QueueName="malformed")["QueueUrl"]
expect(post(json.dumps({"QueueUrl": queue, "MaxNumberOfMessages": 11}).encode(), target="AmazonSQS.ReceiveMessage"),
       400, "InvalidParameterValueException", "InvalidParameterValue",
       "Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.")
expect(post(json.dumps({"QueueUrl": queue, "Entries": []}).encode(), target="AmazonSQS.DeleteMessageBatch"),
       400, "EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest",
       "There should be at least one DeleteMessageBatchRequestEntry in the request.")
client().purge_queue(QueueUrl=queue)
expect(post(json.dumps({"QueueUrl": queue}).encode(), target="AmazonSQS.PurgeQueue"),
       403, "PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress")
status, headers, body = post(b'{"QueueName": "\xff\xfe"}', target="AmazonSQS.CreateQueue")
assert status == 400 and body["__type"] == "com.amazonaws.sqs#SerializationException", (status, body)
status, headers, body = post(b'{"QueueName": "big", "Padding": "' + b"x" * (5 * 1024 * 1024) + b'"}',
                             target="AmazonSQS.CreateQueue")
assert (status, body) == (413, "HTTP content length exceeded 1662976 bytes."), (status, body)

# Still serving.
sqs = client()
assert sqs.create_queue(QueueName="after-all")["QueueUrl"].endswith("/after-all")
done()
