"""Handlers behind the HTTP API tests' routes, run through awslambdaric: each answers what its
name says, so the tests see every response rule of API Gateway's payload formats."""
import base64
import json
import os
import time


def echo(event, context):
    """201 with the event it received as its JSON body, a header naming the integration, a
    header with two values and two cookies (payload format 2.0)."""
    integration = (event.get("pathParameters") or {}).get("integration", "")
    return {
        "statusCode": 201,
        "headers": {"Content-Type": "application/json", "X-Integration": integration},
        "multiValueHeaders": {"X-Seen-By": ["gateway", "webhook"]},
        "cookies": ["session=abc123; Path=/; HttpOnly", "theme=dark"],
        "body": json.dumps(event),
    }


def reverse(event, context):
    """The request body's bytes reversed, as a binary response."""
    body = event.get("body") or ""
    data = base64.b64decode(body) if event.get("isBase64Encoded") else body.encode()
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/octet-stream"},
        "isBase64Encoded": True,
        "body": base64.b64encode(data[::-1]).decode(),
    }


def text(event, context):
    """A bare string: the HTTP API answers 200 application/json with it as the body."""
    return "plain words"


def record(event, context):
    """An object without statusCode: the HTTP API answers 200 with it as JSON."""
    return {"received": event["rawPath"]}


def fail(event, context):
    raise RuntimeError("the webhook failed on purpose")


def legacy(event, context):
    """A REST API (payload format 1.0) response with the event as its body."""
    return {
        "statusCode": 200,
        "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
        "body": json.dumps(event),
    }


def legacy_bare(event, context):
    """No statusCode: a REST API answers 502."""
    return {"ok": True}


def hold(event, context):
    """Marks that it started, then answers only once the release file exists (both named in the
    function's environment), so a test can shut the runtime down while a request is in flight."""
    with open(os.environ["WEBHOOK_STARTED_FILE"], "w"):
        pass
    deadline = time.monotonic() + 20
    while not os.path.exists(os.environ["WEBHOOK_RELEASE_FILE"]):
        if time.monotonic() > deadline:
            raise TimeoutError("the test never released the hold")
        time.sleep(0.01)
    return "released"
