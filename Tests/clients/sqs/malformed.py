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


status, headers, body = post(b"{not json")
assert status == 400 and body["__type"].endswith("#SerializationException"), body
status, headers, body = post(b"[1, 2]")
assert status == 400 and body["__type"].endswith("#SerializationException"), body
status, headers, body = post(b"{}", target="AmazonSQS.Explode")
assert status == 400 and body["__type"].endswith("#InvalidAction"), body
status, headers, body = post(b"{}", target="NotSQS")
assert status == 400 and body["__type"].endswith("#InvalidAction"), body
status, headers, body = post(b'{"QueueName": 7}', target="AmazonSQS.CreateQueue")
assert status == 400 and body["__type"].endswith("#SerializationException"), body
status, headers, body = post(b"{}", target="AmazonSQS.CreateQueue")
assert status == 400 and body["__type"] == "com.amazonaws.sqs#MissingParameter"
assert headers["x-amzn-query-error"] == "MissingParameter;Sender", headers
assert body["message"] == "The request must contain the parameter QueueName."
status, headers, body = post(b'{"QueueUrl": "http://x/000000000000/none"}', target="AmazonSQS.GetQueueAttributes")
assert body["__type"] == "com.amazonaws.sqs#QueueDoesNotExist"
assert headers["x-amzn-query-error"] == "AWS.SimpleQueueService.NonExistentQueue;Sender"
status, headers, body = post(b'{"QueueName": "\xff\xfe"}', target="AmazonSQS.CreateQueue")
assert status == 400, (status, body)
status, headers, body = post(b'{"QueueName": "big", "Padding": "' + b"x" * (5 * 1024 * 1024) + b'"}',
                             target="AmazonSQS.CreateQueue")
assert (status, body) == (413, "HTTP content length exceeded 1662976 bytes."), (status, body)

# Still serving.
sqs = client()
assert sqs.create_queue(QueueName="after-all")["QueueUrl"].endswith("/after-all")
done()
