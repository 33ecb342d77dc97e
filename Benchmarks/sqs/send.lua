-- SendMessage over the AWS JSON 1.0 protocol, to the queue in QUEUE_URL.
-- No response() callback: calling into Lua for every response cost wrk about 5 µs of the same two
-- cores per request. Failures still show: `run` prints wrk's count of non-2xx responses.
local queue_url = os.getenv("QUEUE_URL")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
-- A SigV4-shaped header (not verified by queuelab) so that moto_server routes the request to SQS.
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0"
wrk.headers["X-Amz-Target"] = "AmazonSQS.SendMessage"
wrk.body = '{"QueueUrl":"' .. queue_url .. '","MessageBody":"{\\"contactId\\":12345,\\"page\\":7,\\"source\\":\\"scaling-test\\"}"}'
