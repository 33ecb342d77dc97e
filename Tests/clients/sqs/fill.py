"""Sends COUNT messages with BODY to QUEUE_URL in batches of ten; writes their ids to OUT as JSON.

usage: fill.py ENDPOINT QUEUE_URL COUNT BODY OUT
"""
import json
import sys

from common import client

_, _, queue_url, count, body, out = sys.argv
sqs = client()
ids = []
for start in range(0, int(count), 10):
    entries = [{"Id": str(index), "MessageBody": body} for index in range(start, min(start + 10, int(count)))]
    response = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries)
    assert not response.get("Failed"), response
    ids += [entry["MessageId"] for entry in response["Successful"]]
with open(out, "w") as handle:
    json.dump(ids, handle)
