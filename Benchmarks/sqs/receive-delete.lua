-- Receive 10, then delete what was received with DeleteMessageBatch; counts messages deleted.
local queue_url = os.getenv("QUEUE_URL")
-- A SigV4-shaped header (not verified by queuelab) so that moto_server routes the request to SQS.
local authorization = "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0"
local threads = {}
local pending = {}
deleted = 0

function setup(thread)
    table.insert(threads, thread)
end

local function receive()
    return wrk.format("POST", "/", {
        ["Content-Type"] = "application/x-amz-json-1.0",
        ["X-Amz-Target"] = "AmazonSQS.ReceiveMessage",
        ["Authorization"] = authorization,
    }, '{"QueueUrl":"' .. queue_url .. '","MaxNumberOfMessages":10,"VisibilityTimeout":300}')
end

function request()
    local delete = table.remove(pending)
    if delete then
        return delete
    end
    return receive()
end

function response(status, headers, body)
    if status ~= 200 then
        error("HTTP " .. status .. ": " .. body)
    end
    if string.find(body, '"Failed":%s*%[') then
        if not string.find(body, '"Failed":%s*%[%s*%]') then
            error("DeleteMessageBatch had failures: " .. body)
        end
        for _ in string.gmatch(body, '"Id":%s*"') do
            deleted = deleted + 1
        end
        return
    end
    local entries = {}
    for handle in string.gmatch(body, '"ReceiptHandle":%s*"([^"]+)"') do
        table.insert(entries, '{"Id":"m' .. #entries .. '","ReceiptHandle":"' .. handle .. '"}')
    end
    if #entries > 0 then
        table.insert(pending, wrk.format("POST", "/", {
            ["Content-Type"] = "application/x-amz-json-1.0",
            ["X-Amz-Target"] = "AmazonSQS.DeleteMessageBatch",
            ["Authorization"] = authorization,
        }, '{"QueueUrl":"' .. queue_url .. '","Entries":[' .. table.concat(entries, ",") .. ']}'))
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("deleted")
    end
    local seconds = summary.duration / 1e6
    io.write(string.format("messages received and deleted: %d in %.1f s = %.0f messages/s\n", total, seconds, total / seconds))
end
