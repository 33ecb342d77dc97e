import Foundation
import QueueLab
import QueueStore
import TestSupport
import Testing

extension MappingEndToEnd {
    /// `queuelab report` against a run whose every figure the test knows from elsewhere: the workers'
    /// own journals and the throttles boto3 saw.
    @Suite("The run report, end to end")
    struct RunReportTests {
        /// Invokes `api` once with a held message, waits until it runs, then invokes it `spec.throttled`
        /// times (each refused: its reserved concurrency is 1 and busy), releases the held one, and
        /// prints how many invokes succeeded and how many were throttled, as boto3 saw them.
        private static let throttleScript = """
            import threading, time, os
            def record(body, index):
                return {"messageId": "direct-%d" % index, "receiptHandle": "direct", "body": body,
                        "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "0", "SenderId": "test",
                                       "ApproximateFirstReceiveTimestamp": "0"},
                        "messageAttributes": {}, "md5OfBody": "", "eventSource": "aws:sqs",
                        "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:direct", "awsRegion": "us-east-1"}
            def invoke(body, index):
                payload = json.dumps({"Records": [record(body, index)]})
                return lambda_client.invoke(FunctionName="api", Payload=payload)
            results = {"ok": 0, "throttled": 0}
            held = threading.Thread(target=lambda: results.__setitem__("held", invoke("hold", 0)["StatusCode"]))
            held.start()
            while not (os.path.exists(spec["starts"]) and os.path.getsize(spec["starts"]) > 0):
                time.sleep(0.01)
            for index in range(1, spec["throttled"] + 1):
                try:
                    invoke("ok", index)
                    results["ok"] += 1
                except lambda_client.exceptions.TooManyRequestsException:
                    results["throttled"] += 1
            open(spec["release"], "w").close()
            held.join()
            results["ok"] += 1 if results.pop("held") == 200 else 0
            print(json.dumps(results))
            """

        @Test("the invocations equal the handlers' own count, the throttles those boto3 saw, and --json matches its schema")
        func knownRun() async throws {
            var manifest = TestManifest()
            manifest.queue("jobs-dlq")
            manifest.queue("jobs", visibilityTimeout: 4, deadLetterQueue: "jobs-dlq", maxReceiveCount: 2)
            manifest.function("worker", timeout: 1, events: [TestManifest.sqs("jobs", batchSize: 1)])
            manifest.function("api", settings: ["reservedConcurrency": 1])
            let workspace = Workspace()
            defer { workspace.remove() }
            let bodies = Array(repeating: "ok", count: 8) + ["fail", "fail"]
            let client = try await RunningRuntime.with(manifest, in: workspace) { runtime, workspace in
                let boto3 = Boto3(runtime: runtime)
                try await boto3.send(bodies, to: "jobs", inBatches: true)
                let seen = try await boto3.run(Self.throttleScript, spec: [
                    "throttled": 5, "starts": workspace.startsPath("api"), "release": workspace.releasePath,
                ]) as? [String: Int] ?? [:]
                try await runtime.waitUntilEmpty("jobs")
                // Read while the runtime still uses the state file.
                let live = try await ClientProcess.run(
                    TestPaths.queuelab, ["report", "--state", workspace.statePath, "--json"], in: workspace.directory)
                let report = try JSONSerialization.jsonObject(with: Data(live.standardOutput.utf8)) as? [String: Any]
                #expect((report?["run"] as? [String: Any])?["status"] as? String == "running", "\(live.standardError)")
                return seen
            }
            #expect(client == ["ok": 1, "throttled": 5])

            let output = try await ClientProcess.run(
                TestPaths.queuelab, ["report", "--state", workspace.statePath, "--json"], in: workspace.directory)
            #expect(output.status == 0, "\(output.standardError)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
            let functions = (report["functions"] as? [[String: Any]] ?? []).reduce(into: [String: [String: Any]]()) {
                $0[$1["name"] as? String ?? ""] = $1
            }
            let worker = try #require(functions["worker"]), api = try #require(functions["api"])
            let workerRuns = try workspace.journal("worker").count, apiRuns = try workspace.journal("api").count
            #expect(worker["invocations"] as? Int == workerRuns)
            #expect(worker["invocations"] as? Int == 12, "8 good messages once, 2 poison messages twice")
            #expect(worker["errors"] as? [String: Int] == ["WorkerFailure": 4])
            #expect(api["invocations"] as? Int == apiRuns)
            #expect(api["throttles"] as? Int == client["throttled"])
            #expect(worker["throttles"] as? Int == 0)

            let queues = (report["queues"] as? [[String: Any]] ?? []).reduce(into: [String: [String: Any]]()) {
                $0[$1["name"] as? String ?? ""] = $1
            }
            let jobs = try #require(queues["jobs"])
            #expect(jobs["sent"] as? Int == 10)
            #expect(jobs["received"] as? Int == 12)
            #expect(jobs["deleted"] as? Int == 8)
            #expect(jobs["deadLettered"] as? Int == 2)
            #expect(jobs["receiveCounts"] as? [String: Int] == ["1": 8, "2": 2])
            let mapping = try #require((report["mappings"] as? [[String: Any]])?.first)
            #expect(mapping["batches"] as? Int == 12)
            #expect((report["run"] as? [String: Any])?["status"] as? String == "stopped")

            let unknownRun = try await ClientProcess.run(
                TestPaths.queuelab, ["report", "--state", workspace.statePath, "--run", "99"], in: workspace.directory)
            #expect(unknownRun.status != 0 && unknownRun.standardError.contains("No run 99 in the state file; its runs: 1."))

            let reportPath = workspace.directory + "/report.json"
            try Data(output.standardOutput.utf8).write(to: URL(fileURLWithPath: reportPath))
            let validation = try await ClientProcess.run(
                TestPaths.python, [
                    "-c", """
                    import json, sys, jsonschema
                    schema = json.load(open(sys.argv[1])); report = json.load(open(sys.argv[2]))
                    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(report)
                    """, TestPaths.packageRoot + "/docs/report.schema.json", reportPath,
                ])
            #expect(validation.status == 0, "\(validation.standardError)")
        }

        @Test("--html writes a page Chromium renders, whose charts hold every queue and function")
        func htmlReport() async throws {
            var manifest = TestManifest()
            manifest.queue("jobs-dlq")
            manifest.queue("jobs", visibilityTimeout: 4, deadLetterQueue: "jobs-dlq", maxReceiveCount: 1)
            manifest.function("worker", timeout: 1, events: [TestManifest.sqs("jobs", batchSize: 2)])
            let workspace = Workspace()
            defer { workspace.remove() }
            try await RunningRuntime.with(manifest, in: workspace) { runtime, _ in
                try await Boto3(runtime: runtime).send(["sleep 300", "ok", "fail", "ok", "sleep 200", "ok"], to: "jobs", inBatches: true)
                try await runtime.waitUntilEmpty("jobs")
            }
            let htmlPath = workspace.directory + "/report.html", pngPath = workspace.directory + "/report.png"
            let output = try await ClientProcess.run(
                TestPaths.queuelab, ["report", "--state", workspace.statePath, "--html", htmlPath], in: workspace.directory)
            #expect(output.status == 0, "\(output.standardError)")
            let page = try ParsedPage(html: String(contentsOfFile: htmlPath, encoding: .utf8))
            #expect(try page.values(of: "data-chart", in: "//*[@data-chart]") == ["Queue depth", "In flight", "Concurrency per function"])
            #expect(try page.values(of: "data-series", in: "//*[@data-chart='Queue depth']//*[@data-series]") == ["jobs", "jobs-dlq"])
            #expect(try page.values(of: "data-series", in: "//*[@data-chart='In flight']//*[@data-series]") == ["jobs", "jobs-dlq"])
            #expect(try page.values(of: "data-series", in: "//*[@data-chart='Concurrency per function']//*[@data-series]") == ["worker"])
            #expect(try page.values(of: "data-kind", in: "//*[@data-chart='Concurrency per function']//*[@data-kind]") == ["error"])
            #expect(try page.elements("//table[@class='data']").count == 4, "functions, mappings, queues, cost")
            #expect(!page.html.contains("http://") && !page.html.contains("https://"), "nothing is fetched from the network")

            try await Chromium.screenshot(of: htmlPath, to: pngPath, width: 1100, height: 1600)
            let png = try await PNGStatistics.measure(pngPath)
            #expect(png.background == "ffffff")
            #expect(png.distinctColours >= 50, "a blank page has one colour")
            #expect(png.nonBackgroundShare > 0.03)
        }

        @Test("a missing state file, a file that is not one, one no run used, an unknown run and a bad price each fail in one line and change nothing")
        func badInput() async throws {
            let directory = TestPaths.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let missing = directory + "/missing.sqlite"
            let notState = directory + "/notes.sqlite"
            try Data("just text".utf8).write(to: URL(fileURLWithPath: notState))
            let unused = directory + "/unused.sqlite"
            _ = try QueueStore(path: unused)
            let unusedBytes = try Data(contentsOf: URL(fileURLWithPath: unused))
            for (arguments, message) in [
                (["report", "--state", missing], "No state file at"),
                (["report", "--state", notState], "is not a QueueLab state file"),
                (["report", "--state", unused], "has no run recorded"),
                (["report", "--state", unused, "--run", "7"], "has no run recorded"),
                (["report", "--state", notState, "--price", "lambda.gbSecond=-1"], "0 or more"),
            ] {
                let output = try await ClientProcess.run(TestPaths.queuelab, arguments, in: directory)
                #expect(output.status != 0)
                #expect(output.standardError.contains(message), "\(arguments): \(output.standardError)")
                #expect(output.standardError.split(separator: "\n").count == 1, "\(output.standardError)")
            }
            #expect(!FileManager.default.fileExists(atPath: missing))
            #expect(try Data(contentsOf: URL(fileURLWithPath: notState)) == Data("just text".utf8))
            #expect(try Data(contentsOf: URL(fileURLWithPath: unused)) == unusedBytes)
        }
    }
}
