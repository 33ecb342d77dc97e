import GRDB
import QueueStore
import Testing

@Suite("A state file from before deduplication keys named the id first")
struct StateFileUpgradeTests {
    /// Rewinds a fresh file to what v4 wrote: keys `<id>` (queue scope) and `<group> <id>` (message
    /// group scope), without v5's index or its row in GRDB's migration table. Reopening upgrades it.
    @Test func aRetriedSendIsStillADuplicateAfterTheUpgrade() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("queue.fifo", ["FifoQueue": "true"])
        try await fixture.createQueue("group.fifo", ["FifoQueue": "true", "DeduplicationScope": "messageGroup"])
        let queueScoped = try await fixture.send("x", to: "queue.fifo", group: "g", dedup: "d")
        let groupScoped = try await fixture.send("x", to: "group.fifo", group: "g", dedup: "d")
        let database = try DatabaseQueue(path: fixture.path)
        try await database.write { db in
            let rewrite = "UPDATE deduplication SET key = ? WHERE queueId = (SELECT id FROM queue WHERE name = ?)"
            try db.execute(sql: rewrite, arguments: ["d", "queue.fifo"])
            try db.execute(sql: rewrite, arguments: ["g d", "group.fifo"])
            try db.execute(sql: "DROP INDEX message_by_group")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v5 %'")
        }
        try database.close()

        let upgraded = try fixture.reopen()
        func resend(to queue: String, group: String) async throws -> String {
            try await upgraded.send([OutgoingMessage(body: "x", groupId: group, deduplicationId: "d")], toQueue: queue, senderId: "tester")[0]
                .get().messageId
        }
        #expect(try await resend(to: "queue.fifo", group: "other") == queueScoped.messageId)
        #expect(try await resend(to: "group.fifo", group: "g") == groupScoped.messageId)
        #expect(try await resend(to: "group.fifo", group: "other") != groupScoped.messageId)
    }
}
