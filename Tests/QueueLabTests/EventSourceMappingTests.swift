import Foundation
import QueueLab
import QueueStore
import TestSupport
import Testing

extension MappingEndToEnd {
    /// What a function receives from an SQS event source mapping, which messages it is spared, and
    /// when a mapping does not poll.
    @Suite("Event source mapping events, filters and enabled")
    struct EventSourceMappingTests {
        static let sendWithAttributesScript = """
            sent = sqs.send_message(QueueUrl=queue_url(spec["queue"]), MessageBody=spec["body"], MessageAttributes={
                "color": {"DataType": "String", "StringValue": "blue"},
                "blob": {"DataType": "Binary", "BinaryValue": bytes([0, 1, 2, 255])},
            })
            print(json.dumps({key: sent[key] for key in ["MessageId", "MD5OfMessageBody", "MD5OfMessageAttributes"]}))
            """

        @Test("the Python handler gets Lambda's SQS event: the record's keys, string attributes, a String and a Binary message attribute, the queue's ARN and region, SQS's MD5s")
        func eventShape() async throws {
            var manifest = TestManifest()
            manifest.queue("shapes")
            manifest.function("shapes", runtime: .python, events: [TestManifest.sqs("shapes")])
            try await RunningRuntime.with(manifest) { runtime, workspace in
                let body = "ok: a body with ü and \"quotes\""
                let sent = try await Boto3(runtime: runtime).run(Self.sendWithAttributesScript, spec: ["queue": "shapes", "body": body])
                let sqs = try #require(sent as? [String: String])
                let entry = try await eventually("the invocation") { try WorkerJournal.objects(workspace.journalPath("shapes")).first }
                let event = try #require(entry["event"] as? [String: Any])
                #expect(Array(event.keys) == ["Records"])
                let records = try #require(event["Records"] as? [[String: Any]])
                #expect(records.count == 1)
                let record = try #require(records.first)
                #expect(Set(record.keys) == [
                    "messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody", "md5OfMessageAttributes",
                    "eventSource", "eventSourceARN", "awsRegion",
                ])
                #expect(record["messageId"] as? String == sqs["MessageId"])
                #expect((record["receiptHandle"] as? String)?.isEmpty == false)
                #expect(record["body"] as? String == body)
                #expect(record["md5OfBody"] as? String == sqs["MD5OfMessageBody"])
                #expect(record["md5OfMessageAttributes"] as? String == sqs["MD5OfMessageAttributes"])
                #expect(record["eventSource"] as? String == "aws:sqs")
                #expect(record["eventSourceARN"] as? String == "arn:aws:sqs:us-east-1:000000000000:shapes")
                #expect(record["awsRegion"] as? String == "us-east-1")

                let attributes = try #require(record["attributes"] as? [String: String], "every attribute value is a string")
                #expect(Set(attributes.keys) == ["ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"])
                #expect(attributes["ApproximateReceiveCount"] == "1")
                let sentAt = try #require(attributes["SentTimestamp"].flatMap { Int64($0) })
                let firstReceivedAt = try #require(attributes["ApproximateFirstReceiveTimestamp"].flatMap { Int64($0) })
                #expect(firstReceivedAt >= sentAt)

                let messageAttributes = try #require(record["messageAttributes"] as? [String: [String: Any]])
                #expect(Set(messageAttributes.keys) == ["color", "blob"])
                let color = try #require(messageAttributes["color"])
                #expect(Set(color.keys) == ["stringValue", "stringListValues", "binaryListValues", "dataType"])
                #expect(color["stringValue"] as? String == "blue" && color["dataType"] as? String == "String")
                #expect((color["stringListValues"] as? [Any])?.isEmpty == true && (color["binaryListValues"] as? [Any])?.isEmpty == true)
                let blob = try #require(messageAttributes["blob"])
                #expect(Set(blob.keys) == ["binaryValue", "stringListValues", "binaryListValues", "dataType"])
                #expect(blob["binaryValue"] as? String == Data([0, 1, 2, 255]).base64EncodedString() && blob["dataType"] as? String == "Binary")
            }
        }

        /// JSON body patterns on one queue, plain-text body patterns on another; one message per
        /// batch, so each filtered message's attempt is its own.
        @Test("filterPatterns: matching messages are invoked; the others (a JSON pattern against a plain body, a plain pattern against a JSON body included) are deleted without invoking, recorded as filtered")
        func filterPatterns() async throws {
            let jsonPatterns: [[String: Any]] = [
                ["body": ["kind": ["order"], "total": [["numeric": [">", 100]]]]],
                ["body": ["region": [["prefix": "eu-"]]]],
                ["body": ["customer": [["exists": true]], "status": [["anything-but": ["cancelled"]]]]],
            ]
            let textPatterns: [[String: Any]] = [["body": [["prefix": "urgent"], ["equals-ignore-case": "ping"], ["suffix": "!!"]]]]
            let messages: [(queue: String, body: String, matches: Bool)] = [
                ("orders", #"{"kind": "order", "total": 150}"#, true),
                ("orders", #"{"kind": "order", "total": 50}"#, false),
                ("orders", #"{"kind": "refund", "total": 500}"#, false),
                ("orders", #"{"region": "eu-west-1"}"#, true),
                ("orders", #"{"region": "us-east-1"}"#, false),
                ("orders", #"{"customer": "c-1", "status": "open"}"#, true),
                ("orders", #"{"customer": "c-1", "status": "cancelled"}"#, false),
                ("orders", #"{"status": "open"}"#, false),
                ("orders", "kind order total 150", false),
                ("alerts", "urgent: disk full", true),
                ("alerts", "PING", true),
                ("alerts", "look at this!!", true),
                ("alerts", "routine check", false),
                ("alerts", #"{"text": "urgent"}"#, false),
            ]
            var manifest = TestManifest()
            manifest.queue("orders")
            manifest.queue("alerts")
            manifest.function("filtered", events: [
                TestManifest.sqs("orders", filterPatterns: jsonPatterns), TestManifest.sqs("alerts", filterPatterns: textPatterns),
            ])
            try await RunningRuntime.with(manifest) { runtime, workspace in
                let ids = try await Boto3(runtime: runtime).send(["orders", "alerts"].map { queue in
                    Boto3.Sending(queue: queue, bodies: messages.filter { $0.queue == queue }.map(\.body), inBatches: true)
                }).flatMap { $0 }
                try await runtime.waitUntilEmpty("orders")
                try await runtime.waitUntilEmpty("alerts")
                let ordered = messages.filter { $0.queue == "orders" } + messages.filter { $0.queue == "alerts" }
                let journal = try workspace.journal("filtered")
                #expect(Set(journal.flatMap(\.bodies)) == Set(ordered.filter(\.matches).map(\.body)))
                #expect(journal.flatMap(\.bodies).count == ordered.filter(\.matches).count, "each matching message invoked once")
                for (message, id) in zip(ordered, ids) {
                    let history = try await runtime.store.deliveryHistory(ofMessage: id)
                    #expect(history.count == 1, "\(message.body)")
                    if message.matches {
                        #expect(history.first?.attempt.outcome == .succeeded, "\(message.body)")
                        #expect(history.first?.status == .inBatch, "\(message.body)")
                    } else {
                        #expect(history.first?.attempt.outcome == .filtered, "\(message.body)")
                        #expect(history.first?.status == .filteredOut, "\(message.body)")
                        #expect(history.first?.attempt.requestId == nil, "\(message.body): never invoked")
                    }
                }
            }
        }

        static let queueAttributesScript = """
            attributes = sqs.get_queue_attributes(QueueUrl=queue_url(spec["queue"]), AttributeNames=["All"])["Attributes"]
            print(json.dumps(attributes))
            """

        /// Two runs on one state file. First: `parked`'s mapping is disabled while `sentinel`'s runs.
        /// Then the manifest enables it and raises `parked`'s VisibilityTimeout from 30 to 45.
        @Test("enabled: false never polls (its messages are still unreceived once the sentinel sent after them is processed); a restart keeps queues and messages and applies a changed VisibilityTimeout as SetQueueAttributes would")
        func disabledMappingAndRestart() async throws {
            func manifest(enabled: Bool, visibilityTimeout: Int) -> TestManifest {
                var manifest = TestManifest()
                manifest.queue("parked", visibilityTimeout: visibilityTimeout)
                manifest.queue("sentinel")
                manifest.function("parked", events: [TestManifest.sqs("parked", enabled: enabled)])
                manifest.function("sentinel", events: [TestManifest.sqs("sentinel")])
                return manifest
            }
            let workspace = Workspace()
            defer { workspace.remove() }
            let (parked, before) = try await RunningRuntime.with(manifest(enabled: false, visibilityTimeout: 30), in: workspace) { runtime, workspace in
                let boto3 = Boto3(runtime: runtime)
                let parked = try await boto3.send([
                    Boto3.Sending(queue: "parked", bodies: ["ok 1", "ok 2"], inBatches: true),
                    Boto3.Sending(queue: "sentinel", bodies: ["ok sentinel"]),
                ])[0]
                try await runtime.waitUntilEmpty("sentinel")
                let stored = try await runtime.store.storedMessages(inQueue: "parked")
                #expect(stored.map(\.messageId) == parked)
                #expect(stored.allSatisfy { $0.receiveCount == 0 }, "the disabled mapping never received them")
                #expect(try await runtime.store.deliveryAttempts(function: "parked").isEmpty)
                #expect(try workspace.journal("parked").isEmpty)
                let attributes = try await boto3.run(Self.queueAttributesScript, spec: ["queue": "parked"]) as? [String: String]
                return (parked, attributes ?? [:])
            }
            #expect(before["VisibilityTimeout"] == "30")
            try await RunningRuntime.with(manifest(enabled: true, visibilityTimeout: 45), in: workspace) { runtime, workspace in
                let after = try await Boto3(runtime: runtime).run(Self.queueAttributesScript, spec: ["queue": "parked"]) as? [String: String]
                #expect(after?["VisibilityTimeout"] == "45")
                #expect(after?["QueueArn"] == before["QueueArn"])
                #expect(after?["CreatedTimestamp"] == before["CreatedTimestamp"], "updated in place, not created again")
                try await runtime.waitUntilEmpty("parked")
                let journal = try workspace.journal("parked")
                #expect(journal.flatMap(\.messageIds).sorted() == parked.sorted(), "the messages of the first run")
                #expect(journal.allSatisfy { $0.receiveCounts == ["1"] }, "first received in the second run")
            }
        }

        /// The one mapping of a manifest with a standard `jobs` and a FIFO `jobs.fifo` queue (both
        /// with visibility timeout 30), breaking one of CreateEventSourceMapping's rules.
        struct RefusedMapping: Sendable, CustomTestStringConvertible {
            var queue = "jobs"
            var arn: String?
            var batchSize = 1
            var window: Int?
            var maximumConcurrency: Int?
            var functionTimeout = 5
            let expected: String

            var manifest: TestManifest {
                var manifest = TestManifest()
                manifest.queue("jobs")
                manifest.queue("jobs.fifo", fifo: true)
                manifest.function("worker", timeout: functionTimeout, events: [
                    TestManifest.sqs(queue, arn: arn, batchSize: batchSize, window: window, maximumConcurrency: maximumConcurrency),
                ])
                return manifest
            }

            var testDescription: String { expected }
        }

        @Test(
            "start-up refuses a mapping Lambda would refuse, naming the file, the key, the value and the rule, and creates nothing",
            arguments: [
                RefusedMapping(
                    batchSize: 11,
                    expected: "functions.worker.events[0].sqs: function 'worker': batchSize is 11: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10 (InvalidParameterValueException)"),
                RefusedMapping(
                    queue: "jobs.fifo", batchSize: 5, window: 1,
                    expected: "functions.worker.events[0].sqs: function 'worker': maximumBatchingWindow is 1: Batching window is not supported for FIFO queues (InvalidParameterValueException)"),
                RefusedMapping(
                    queue: "jobs.fifo", batchSize: 11,
                    expected: "functions.worker.events[0].sqs: function 'worker': batchSize is 11: Batch size for FIFO queues must be between 1 and 10 (InvalidParameterValueException)"),
                RefusedMapping(
                    maximumConcurrency: 1, expected: "functions.worker.events[0].sqs.maximumConcurrency: is 1; allowed: an integer 2–1000"),
                RefusedMapping(
                    functionTimeout: 31,
                    expected: "functions.worker.events[0].sqs: function 'worker': timeout is 31: Queue visibility timeout: 30 seconds is less than Function timeout: 31 seconds (InvalidParameterValueException)"),
                RefusedMapping(
                    queue: "nowhere", arn: "arn:aws:sqs:us-east-1:000000000000:nowhere",
                    expected: "functions.worker.events[0].sqs: the queue arn:aws:sqs:us-east-1:000000000000:nowhere does not exist; allowed: an AWS::SQS::Queue of the manifest, or a queue already in the state file"),
            ])
        func startUpRefusals(mapping: RefusedMapping) async throws {
            let workspace = Workspace()
            defer { workspace.remove() }
            let error = await #expect(throws: ManifestLoadError.self) {
                try await RunningRuntime.with(mapping.manifest, in: workspace) { _, _ in
                    Issue.record("the runtime started")
                }
            }
            #expect(error?.message == workspace.directory + "/serverless.json: " + mapping.expected)
            let store = try QueueStore(path: workspace.statePath)
            #expect(try await store.overview().isEmpty, "no queue was created")
            #expect(!FileManager.default.fileExists(atPath: workspace.directory + "/logs"), "no function started")
        }
    }
}
