import Foundation
import QueueStore

/// A store on a fresh SQLite file with a manual clock.
struct StoreFixture {
    let clock = ManualClock()
    let path: String
    let store: QueueStore

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("queuelab-store-\(UUID().uuidString)/state.sqlite").path
        store = try QueueStore(path: path, clock: clock)
    }

    func reopen() throws -> QueueStore {
        try QueueStore(path: path, clock: clock)
    }

    @discardableResult
    func createQueue(_ name: String, _ attributes: [String: String] = [:]) async throws -> QueueRecord {
        try await store.createQueue(name: name, attributes: attributes, region: "us-east-1")
    }

    @discardableResult
    func send(_ body: String, to queue: String, delay: Int? = nil, group: String? = nil, dedup: String? = nil) async throws -> SentMessage {
        try await store.send([OutgoingMessage(body: body, delaySeconds: delay, groupId: group, deduplicationId: dedup)],
                             toQueue: queue, senderId: "tester")[0].get()
    }

    func receive(_ queue: String, max: Int = 10, visibility: Int? = nil, attempt: String? = nil) async throws -> [ReceivedMessage] {
        try await store.receive(fromQueue: queue, ReceiveRequest(maxMessages: max, visibilityTimeout: visibility, waitTimeSeconds: 0,
                                                                 systemAttributeNames: ["All"], attemptId: attempt))
    }

    func counts(_ queue: String) async throws -> [String: String] {
        try await store.attributes(ofQueue: queue, names: [
            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed",
        ])
    }
}
