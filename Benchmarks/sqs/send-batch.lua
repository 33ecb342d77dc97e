-- SendMessageBatch of 10 over the AWS JSON 1.0 protocol; fills the queue for the receive phase.
local queue_url = os.getenv("QUEUE_URL")
local entries = {}
for index = 1, 10 do
    table.insert(entries, '{"Id":"m' .. index .. '","MessageBody":"{\\"contactId\\":' .. index .. ',\\"source\\":\\"scaling-test\\"}"}')
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
-- A SigV4-shaped header (not verified by queuelab) so that moto_server routes the request to SQS.
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0"
wrk.headers["X-Amz-Target"] = "AmazonSQS.SendMessageBatch"
wrk.body = '{"QueueUrl":"' .. queue_url .. '","Entries":[' .. table.concat(entries, ",") .. ']}'

function response(status, headers, body)
    if status ~= 200 or not string.find(body, '"Failed":%s*%[%s*%]') then
        error("SendMessageBatch failed with HTTP " .. status .. ": " .. body)
    end
end
