import Foundation
import Testing
import TestSupport

@testable import Observability

@Suite struct MetricsEndpointTests {
    @Test func servesTheSnapshotsAsPrometheusTextThatPrometheusReads() async throws {
        let publisher = MetricsPublisher()
        try await Self.serving(publisher) { url in
            var first = Snapshots.busy
            first.functions[0].newDurations = [.milliseconds(3), .microseconds(40_500)]
            publisher.publish(first)
            let scraped = try await Scrape.get(url)
            #expect(scraped.status == 200)
            #expect(scraped.contentType == "text/plain; version=0.0.4; charset=utf-8")

            let worker = ["function_name": "sync-worker"]
            let queue = ["queue_name": "sync-queue"]
            #expect(scraped.family("aws_lambda_invocations")?.type == "counter")
            #expect(scraped.value("aws_lambda_invocations_total", worker) == 1234)
            #expect(scraped.value("aws_lambda_errors_total", worker) == 3)
            #expect(scraped.value("aws_lambda_throttles_total", worker) == 5)
            #expect(scraped.family("aws_lambda_concurrent_executions")?.type == "gauge")
            #expect(scraped.value("aws_lambda_concurrent_executions", worker) == 3)
            #expect(scraped.value("aws_lambda_concurrent_executions", ["function_name": Snapshots.unreservedWorker.name]) == 7)
            #expect(scraped.value("aws_lambda_provisioned_concurrent_executions", worker) == 2)
            #expect(scraped.value("aws_sqs_approximate_number_of_messages_visible", queue) == 120)
            #expect(scraped.value("aws_sqs_approximate_number_of_messages_not_visible", queue) == 10)
            #expect(scraped.value("aws_sqs_approximate_number_of_messages_delayed", queue) == 4)
            #expect(scraped.value("aws_sqs_approximate_age_of_oldest_message", queue) == 12.4)
            #expect(scraped.value("aws_sqs_approximate_age_of_oldest_message", ["queue_name": "sync-dlq"]) == 0)
            #expect(scraped.value("aws_sqs_number_of_messages_sent_total", queue) == 500)
            #expect(scraped.value("aws_sqs_number_of_messages_received_total", queue) == 400)
            #expect(scraped.value("aws_sqs_number_of_messages_deleted_total", queue) == 380)

            #expect(scraped.family("aws_lambda_duration")?.type == "histogram")
            #expect(scraped.value("aws_lambda_duration_count", worker) == 2)
            #expect(scraped.value("aws_lambda_duration_sum", worker) == 43.5)
            #expect(scraped.value("aws_lambda_duration_bucket", worker.merging(["le": "2.0"]) { $1 }) == 0)
            #expect(scraped.value("aws_lambda_duration_bucket", worker.merging(["le": "5.0"]) { $1 }) == 1)
            #expect(scraped.value("aws_lambda_duration_bucket", worker.merging(["le": "50.0"]) { $1 }) == 2)
            #expect(scraped.value("aws_lambda_duration_bucket", worker.merging(["le": "900000.0"]) { $1 }) == 2)
            #expect(scraped.value("aws_lambda_duration_bucket", worker.merging(["le": "+Inf"]) { $1 }) == 2)
        }
    }

    @Test func countersAdvanceByTheGrowthOfEachSnapshotAndNeverGoBack() async throws {
        let publisher = MetricsPublisher()
        try await Self.serving(publisher) { url in
            let worker = ["function_name": "sync-worker"]
            var snapshot = Snapshots.busy
            publisher.publish(snapshot)

            snapshot.functions[0].invocations = 1300
            snapshot.functions[0].concurrentExecutions = 1
            snapshot.functions[0].newDurations = [.seconds(2)]
            publisher.publish(snapshot)
            var scraped = try await Scrape.get(url)
            #expect(scraped.value("aws_lambda_invocations_total", worker) == 1300)
            #expect(scraped.value("aws_lambda_concurrent_executions", worker) == 1)
            #expect(scraped.value("aws_lambda_duration_count", worker) == 1)
            #expect(scraped.value("aws_lambda_duration_bucket", worker.merging(["le": "2500.0"]) { $1 }) == 1)

            // A lower total (counting started again) does not take the counter back; growth from it counts.
            snapshot.functions[0].newDurations = []
            snapshot.functions[0].invocations = 10
            publisher.publish(snapshot)
            scraped = try await Scrape.get(url)
            #expect(scraped.value("aws_lambda_invocations_total", worker) == 1300)
            snapshot.functions[0].invocations = 15
            publisher.publish(snapshot)
            scraped = try await Scrape.get(url)
            #expect(scraped.value("aws_lambda_invocations_total", worker) == 1305)
            #expect(scraped.value("aws_lambda_duration_count", worker) == 1)
        }
    }

    @Test func aQueueNoLongerInTheSnapshotsLosesItsSeries() async throws {
        let publisher = MetricsPublisher()
        try await Self.serving(publisher) { url in
            publisher.publish(Snapshots.busy)
            var snapshot = Snapshots.busy
            snapshot.queues.removeLast()
            publisher.publish(snapshot)
            let scraped = try await Scrape.get(url)
            #expect(scraped.value("aws_sqs_approximate_number_of_messages_visible", ["queue_name": "sync-queue"]) == 120)
            #expect(scraped.value("aws_sqs_approximate_number_of_messages_visible", ["queue_name": "sync-dlq"]) == nil)
        }
    }

    @Test func answersOtherPathsWith404AndOtherMethodsWith405() async throws {
        try await Self.serving(MetricsPublisher()) { url in
            let empty = try await Scrape.get(url)
            #expect(empty.status == 200 && empty.families.isEmpty)
            for path in ["/", "/metrics/more", "/metric"] {
                let other = try await Scrape.get(url.replacingOccurrences(of: "/metrics", with: path))
                #expect(other.status == 404, "\(path)")
            }
            for method in ["POST", "PUT", "DELETE"] {
                let other = try await Scrape.get(url, method: method)
                #expect(other.status == 405, "\(method)")
            }
        }
    }

    /// Runs `body` with the endpoint serving `publisher` on a free port, given its URL.
    private static func serving(_ publisher: MetricsPublisher, _ body: (String) async throws -> Void) async throws {
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await MetricsEndpoint(publisher: publisher, port: 0, onListening: { bound.yield($0) }).run()
            }
            defer { group.cancelAll() }
            var listening = ports.makeAsyncIterator()
            let port = try #require(await listening.next())
            try await body("http://127.0.0.1:\(port)/metrics")
        }
    }
}

/// What `Tests/clients/metrics/scrape.py` read, with Prometheus' own parser, from the endpoint.
struct Scrape: Decodable {
    struct Family: Decodable {
        let name: String
        let type: String
        let samples: [Sample]
    }

    struct Sample: Decodable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    let status: Int
    let contentType: String?
    let families: [Family]

    static func get(_ url: String, method: String = "GET") async throws -> Scrape {
        let script = TestPaths.packageRoot + "/Tests/clients/metrics/scrape.py"
        let output = try await ClientProcess.run(TestPaths.python, [script, url, method])
        try #require(output.status == 0, "scrape.py failed: \(output.standardError)")
        return try JSONDecoder().decode(Scrape.self, from: Data(output.standardOutput.utf8))
    }

    func family(_ name: String) -> Family? {
        families.first { $0.name == name }
    }

    /// The value of the sample `name` with exactly `labels`.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        families.lazy.flatMap(\.samples).first { $0.name == name && $0.labels == labels }?.value
    }
}
