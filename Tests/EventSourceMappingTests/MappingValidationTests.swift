@testable import EventSourceMapping
import Testing

@Suite("Mappings are checked as CreateEventSourceMapping checks them")
struct MappingValidationTests {
    static let standard = MappingRequest.QueueFacts(name: "orders", arn: "arn:aws:sqs:us-east-1:000000000000:orders", isFifo: false, visibilityTimeout: 30)
    static let fifo = MappingRequest.QueueFacts(name: "orders.fifo", arn: "arn:aws:sqs:us-east-1:000000000000:orders.fifo", isFifo: true, visibilityTimeout: 30)

    static func request(
        queue: MappingRequest.QueueFacts = standard, timeout: Double = 10, batchSize: Int? = nil, window: Int? = nil,
        maximumConcurrency: Int? = nil, filters: [String] = []
    ) -> MappingRequest {
        MappingRequest(
            key: "functions.worker.events[0].sqs", functionName: "worker", functionTimeout: timeout, queue: queue,
            options: MappingOptions(batchSize: batchSize, maximumBatchingWindow: window, maximumConcurrency: maximumConcurrency, filterPatterns: filters))
    }

    static func refusal(_ request: MappingRequest) -> MappingValidationError? {
        do {
            _ = try MappingConfiguration.validated(request, region: "us-east-1")
            return nil
        } catch {
            return error
        }
    }

    @Test("Lambda's defaults: batch size 10, no window, no maximum concurrency; a stable id")
    func defaults() throws {
        let mapping = try MappingConfiguration.validated(Self.request(), region: "eu-west-1")
        #expect(mapping.batchSize == 10)
        #expect(mapping.maximumBatchingWindow == 0)
        #expect(mapping.maximumConcurrency == nil)
        #expect(mapping.region == "eu-west-1")
        #expect(mapping.filters.isEmpty)
        #expect(mapping.id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil, "\(mapping.id)")
        #expect(try MappingConfiguration.validated(Self.request(batchSize: 3), region: "us-east-1").id == mapping.id)
    }

    @Test("a batch over 10 needs a batching window; up to 10,000 with one")
    func batchSizeAndWindow() throws {
        let refused = try #require(Self.refusal(Self.request(batchSize: 11)))
        #expect(refused.message == "functions.worker.events[0].sqs: function 'worker': batchSize is 11: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10 (InvalidParameterValueException)")
        #expect(Self.refusal(Self.request(batchSize: 10_000, window: 1)) == nil)
        #expect(Self.refusal(Self.request(batchSize: 10_001, window: 1))?.rule == "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000")
        #expect(Self.refusal(Self.request(batchSize: 0))?.rule == "1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1")
        #expect(Self.refusal(Self.request(window: 301))?.setting == "maximumBatchingWindow")
    }

    @Test("FIFO: at most 10 and no batching window")
    func fifo() {
        #expect(Self.refusal(Self.request(queue: Self.fifo, batchSize: 10)) == nil)
        #expect(Self.refusal(Self.request(queue: Self.fifo, batchSize: 11, window: 1))?.rule == "Batching window is not supported for FIFO queues")
        #expect(Self.refusal(Self.request(queue: Self.fifo, batchSize: 11))?.setting == "batchSize")
    }

    @Test("maximumConcurrency is 2–1000")
    func maximumConcurrency() {
        #expect(Self.refusal(Self.request(maximumConcurrency: 1))?.rule == "1 validation error detected: Value '1' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 2")
        #expect(Self.refusal(Self.request(maximumConcurrency: 1001)) != nil)
        #expect(Self.refusal(Self.request(maximumConcurrency: 2)) == nil)
    }

    @Test("a batching window the queue's visibility timeout cannot cover gets AWS's effective one: window + timeout + 30 s")
    func effectiveVisibilityTimeout() throws {
        #expect(try MappingConfiguration.validated(Self.request(timeout: 5, batchSize: 100, window: 60), region: "us-east-1").visibilityTimeout == 95)
        #expect(try MappingConfiguration.validated(Self.request(timeout: 10, batchSize: 100, window: 20), region: "us-east-1").visibilityTimeout == nil)
        #expect(try MappingConfiguration.validated(Self.request(timeout: 30), region: "us-east-1").visibilityTimeout == nil)
    }

    @Test("the function's timeout must fit in the queue's visibility timeout, with AWS's message")
    func visibilityTimeout() {
        let refused = Self.refusal(Self.request(timeout: 300))
        #expect(refused?.setting == "timeout")
        #expect(refused?.value == "300")
        #expect(refused?.rule == "Queue visibility timeout: 30 seconds is less than Function timeout: 300 seconds")
        #expect(Self.refusal(Self.request(timeout: 30)) == nil)
    }
}
