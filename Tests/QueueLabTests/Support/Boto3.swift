import Foundation
import TestSupport

/// A client failed; its output says why.
struct ClientFailed: Error, CustomStringConvertible {
    let description: String
}

/// boto3, as users run it, against a running runtime: `sqs` on its SQS endpoint and
/// `lambda_client` on its Invoke API. Scripts are fixed text; what they work on comes as JSON in
/// `spec`, so no value is ever pasted into code.
struct Boto3 {
    let runtime: RunningRuntime

    private static let prelude = """
        import base64, json, sys, boto3
        from botocore.config import Config
        config = Config(retries={"total_max_attempts": 1}, read_timeout=60)
        sqs = boto3.client("sqs", endpoint_url=sys.argv[1], config=config)
        lambda_client = boto3.client("lambda", endpoint_url=sys.argv[2], config=config)
        with open(sys.argv[3]) as spec_file:
            spec = json.load(spec_file)
        def queue_url(name):
            return sqs.get_queue_url(QueueName=name)["QueueUrl"]

        """

    /// Runs `script` after the prelude with `spec`; returns what it printed, parsed as JSON.
    func run(_ script: String, spec: Any = [String: Any]()) async throws -> Any {
        let specPath = runtime.directory + "/spec-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
        defer { try? FileManager.default.removeItem(atPath: specPath) }
        let output = try await ClientProcess.run(
            TestPaths.python, ["-c", Self.prelude + script, runtime.sqsEndpoint, runtime.lambda.url, specPath], in: runtime.directory)
        guard output.status == 0 else {
            throw ClientFailed(description: "boto3 script failed (\(output.status)):\n\(output.standardError)")
        }
        return try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8), options: [.fragmentsAllowed])
    }

    private static let sendScript = """
        result = []
        for sending in spec["sendings"]:
            url = queue_url(sending["queue"])
            entries = sending["entries"]
            ids = []
            if sending["batch"]:
                for first in range(0, len(entries), 10):
                    chunk = entries[first:first + 10]
                    sent = sqs.send_message_batch(QueueUrl=url, Entries=[dict(Id=str(i), **e) for i, e in enumerate(chunk)])
                    assert not sent.get("Failed"), sent
                    by_entry = {r["Id"]: r["MessageId"] for r in sent["Successful"]}
                    ids += [by_entry[str(i)] for i in range(len(chunk))]
            else:
                for entry in entries:
                    ids.append(sqs.send_message(QueueUrl=url, **entry)["MessageId"])
            result.append(ids)
        print(json.dumps(result))
        """

    /// Messages for one queue: sent in order, one SendMessage each, or in SendMessageBatch calls
    /// of up to ten (each call is stored at once, so one receive can take it whole).
    struct Sending {
        var queue: String
        var bodies: [String]
        var groupId: String?
        var inBatches = false
    }

    /// Sends every sending in order from one boto3 process; the message ids of each, in order.
    @discardableResult
    func send(_ sendings: [Sending]) async throws -> [[String]] {
        let spec = sendings.map { sending -> [String: Any] in
            let entries: [[String: Any]] = sending.bodies.map { body in
                sending.groupId.map { ["MessageBody": body, "MessageGroupId": $0] } ?? ["MessageBody": body]
            }
            return ["queue": sending.queue, "entries": entries, "batch": sending.inBatches]
        }
        let ids = try await run(Self.sendScript, spec: ["sendings": spec])
        guard let ids = ids as? [[String]], ids.map(\.count) == sendings.map(\.bodies.count) else {
            throw ClientFailed(description: "sent \(ids)")
        }
        return ids
    }

    /// Sends `bodies` to `queue`; their message ids in order.
    @discardableResult
    func send(_ bodies: [String], to queue: String, groupId: String? = nil, inBatches: Bool = false) async throws -> [String] {
        try await send([Sending(queue: queue, bodies: bodies, groupId: groupId, inBatches: inBatches)])[0]
    }
}
