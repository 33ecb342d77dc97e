-- SendMessageBatch of 10 over the AWS JSON 1.0 protocol; fills the queue for the receive phase.
local queue_url = os.getenv("QUEUE_URL")
local entries = {}
for index = 1, 10 do
    table.insert(entries, '{"Id":"m' .. index .. '","MessageBody":"{\\"contactId\\":' .. index .. ',\\"source\\":\\"scaling-test\\"}"}')
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "AmazonSQS.SendMessageBatch"
wrk.body = '{"QueueUrl":"' .. queue_url .. '","Entries":[' .. table.concat(entries, ",") .. ']}'

function response(status, headers, body)
    if status ~= 200 or not string.find(body, '"Failed":[]', 1, true) then
        error("SendMessageBatch failed with HTTP " .. status .. ": " .. body)
    end
end
