"""Two halves of a restart check. `before` leaves messages queued and one in flight and writes what
it saw to a file; `after` (run against a restarted endpoint on the same state) checks it all survived."""
import json
import sys

from common import attributes, client, done

phase, record = sys.argv[2], sys.argv[3]
sqs = client()

if phase == "before":
    url = sqs.create_queue(QueueName="durable", Attributes={"VisibilityTimeout": "120"})["QueueUrl"]
    for body in ("one", "two", "three"):
        sqs.send_message(QueueUrl=url, MessageBody=body)
    taken = sqs.receive_message(QueueUrl=url, AttributeNames=["All"])["Messages"][0]
    with open(record, "w") as file:
        json.dump({"url": url, "body": taken["Body"], "handle": taken["ReceiptHandle"]}, file)
else:
    with open(record) as file:
        seen = json.load(file)
    url = sqs.get_queue_url(QueueName="durable")["QueueUrl"]
    counts = attributes(sqs, url, "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "VisibilityTimeout")
    assert counts == {"ApproximateNumberOfMessages": "2", "ApproximateNumberOfMessagesNotVisible": "1",
                      "VisibilityTimeout": "120"}, counts
    # The in-flight message is still hidden: its deadline survived.
    others = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=60)["Messages"]
    assert sorted(m["Body"] for m in others) == sorted({"one", "two", "three"} - {seen["body"]}), others
    # Its receipt handle still works, and its receive count was kept.
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=seen["handle"], VisibilityTimeout=0)
    again = sqs.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount"])["Messages"][0]
    assert again["Body"] == seen["body"] and again["Attributes"]["ApproximateReceiveCount"] == "2", again
done()
