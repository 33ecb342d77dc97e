"""The Python twin of examples/worker (queue-worker), run through awslambdaric: each message's
body says what to do with it, so one handler can succeed, fail, hang, crash or run out of memory.

  ok (or any other text)  succeed
  fail                    fail: the whole batch, or only this message when the function
                          reports batch item failures (WORKER_REPORTS_ITEM_FAILURES=true)
  sleep <ms>              take that long, then succeed
  hold                    wait until the file WORKER_RELEASE_FILE exists, then succeed
  hang                    never finish (the function's timeout ends it)
  crash                   die on SIGSEGV
  oom <MB>                allocate and touch that much memory
  bad-response            answer batchItemFailures naming a message that is not in the batch
  bad-response-empty      answer batchItemFailures with an empty itemIdentifier ("")
  bad-response-null       answer batchItemFailures with a null itemIdentifier
  bad-response-key        answer batchItemFailures with a bad key name ("itemId")
  bad-response-json       answer with text that is not JSON
(Lambda fails the whole batch on each of these answers when the mapping reports batch item
failures; the first such body in a batch decides the answer.)

With WORKER_JOURNAL set, every invocation appends one JSON line there: its request id, start
and end (microseconds since the epoch), its messages' ids, bodies, receive counts and groups, and
the whole event as the function received it. With WORKER_STARTS set, every invocation appends one
JSON line there as it starts (request id, start, message ids), so a test can tell which
invocations are running."""
import json
import os
import signal
import time


def _append(path, entry):
    # One write of the whole line: appends from concurrent environments do not interleave.
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(descriptor, (json.dumps(entry) + "\n").encode())
    finally:
        os.close(descriptor)


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


def _response(records, failed):
    """The function's answer: the failed messages, or the malformed answer a body asks for."""
    bodies = [r["body"] for r in records]
    malformed = next((b for b in bodies if b.startswith("bad-response")), None)
    if malformed == "bad-response":
        return {"batchItemFailures": [{"itemIdentifier": "not-a-message-of-this-batch"}]}
    if malformed == "bad-response-empty":
        return {"batchItemFailures": [{"itemIdentifier": ""}]}
    if malformed == "bad-response-null":
        return {"batchItemFailures": [{"itemIdentifier": None}]}
    if malformed == "bad-response-key":
        return {"batchItemFailures": [{"itemId": records[0]["messageId"]}]}
    if malformed == "bad-response-json":
        # awslambdaric passes bytes through as they are.
        return b'{"batchItemFailures": ['
    return {"batchItemFailures": [{"itemIdentifier": message_id} for message_id in failed]}


def handler(event, context):
    start = int(time.time() * 1_000_000)
    records = event.get("Records", [])
    starts = os.environ.get("WORKER_STARTS")
    if starts:
        _append(starts, {"requestId": context.aws_request_id, "start": start,
                         "messageIds": [r["messageId"] for r in records]})
    failed = []
    try:
        for record in records:
            if _process(record["body"]):
                failed.append(record["messageId"])
    finally:
        journal = os.environ.get("WORKER_JOURNAL")
        if journal:
            _append(journal, {
                "requestId": context.aws_request_id, "start": start, "end": int(time.time() * 1_000_000),
                "messageIds": [r["messageId"] for r in records], "bodies": [r["body"] for r in records],
                "receiveCounts": [r.get("attributes", {}).get("ApproximateReceiveCount", "") for r in records],
                "groups": [r.get("attributes", {}).get("MessageGroupId", "") for r in records],
                "event": event,
            })
    return _response(records, failed)
