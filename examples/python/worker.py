"""The Python twin of examples/worker (queue-worker), run through awslambdaric: each message's
body says what to do with it. See examples/README.md for the words it understands."""
import json
import os
import signal
import time


def _process(body):
    """Does what the body says; returns whether the message failed."""
    words = body.split(" ")
    command = words[0] if words else ""
    if command == "fail":
        if os.environ.get("WORKER_REPORTS_ITEM_FAILURES") == "true":
            return True
        raise RuntimeError("the message asked to fail")
    if command == "sleep":
        time.sleep(int(words[1]) / 1000 if len(words) > 1 else 0)
    elif command == "hold":
        release = os.environ.get("WORKER_RELEASE_FILE")
        while not (release and os.path.exists(release)):
            time.sleep(0.005)
    elif command == "hang":
        while True:
            time.sleep(60)
    elif command == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif command == "oom":
        megabytes = int(words[1]) if len(words) > 1 else 4096
        hog = bytearray(megabytes * 1024 * 1024)
        for offset in range(0, len(hog), 4096):
            hog[offset] = 1
    return False


def handler(event, context):
    start = int(time.time() * 1_000_000)
    records = event.get("Records", [])
    failed = []
    try:
        for record in records:
            if _process(record["body"]):
                failed.append(record["messageId"])
    finally:
        journal = os.environ.get("WORKER_JOURNAL")
        if journal:
            entry = {
                "requestId": context.aws_request_id, "start": start, "end": int(time.time() * 1_000_000),
                "messageIds": [r["messageId"] for r in records], "bodies": [r["body"] for r in records],
                "receiveCounts": [r["attributes"].get("ApproximateReceiveCount", "") for r in records],
                "groups": [r["attributes"].get("MessageGroupId", "") for r in records],
                # The whole event as the function received it, so tests can check its shape.
                "event": event,
            }
            with open(journal, "a") as out:
                out.write(json.dumps(entry) + "\n")
    if any(r["body"] == "bad-response" for r in records):
        return {"batchItemFailures": [{"itemIdentifier": "not-a-message-of-this-batch"}]}
    return {"batchItemFailures": [{"itemIdentifier": message_id} for message_id in failed]}
