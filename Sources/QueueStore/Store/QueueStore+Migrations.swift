import GRDB

extension QueueStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 queues, messages, deduplication, move tasks") { db in
            try db.create(table: "queue") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("accountId", .text).notNull()
                t.column("region", .text).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("lastModifiedAt", .integer).notNull()
                t.column("delaySeconds", .integer).notNull()
                t.column("maximumMessageSize", .integer).notNull()
                t.column("messageRetentionPeriod", .integer).notNull()
                t.column("receiveMessageWaitTimeSeconds", .integer).notNull()
                t.column("visibilityTimeout", .integer).notNull()
                t.column("redrivePolicy", .jsonText)
                t.column("redriveAllowPolicy", .text)
                t.column("policy", .text)
                t.column("fifoQueue", .boolean).notNull()
                t.column("contentBasedDeduplication", .boolean).notNull()
                t.column("deduplicationScope", .text)
                t.column("fifoThroughputLimit", .text)
                t.column("kmsMasterKeyId", .text)
                t.column("kmsDataKeyReusePeriodSeconds", .integer)
                t.column("sqsManagedSseEnabled", .boolean).notNull()
                t.column("tags", .jsonText).notNull()
                t.column("lastPurgedAt", .integer)
                t.column("lastSequenceNumber", .integer).notNull()
            }
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("queue", onDelete: .cascade, indexed: false).notNull()
                t.column("messageId", .text).notNull()
                t.column("body", .text).notNull()
                t.column("md5OfBody", .text).notNull()
                t.column("messageAttributes", .jsonText)
                t.column("md5OfMessageAttributes", .text)
                t.column("awsTraceHeader", .text)
                t.column("senderId", .text).notNull()
                t.column("sentAt", .integer).notNull()
                t.column("visibleAt", .integer).notNull()
                t.column("receiveCount", .integer).notNull()
                t.column("firstReceivedAt", .integer)
                t.column("receivedAt", .integer)
                t.column("receiptNonce", .text)
                t.column("groupId", .text)
                t.column("deduplicationId", .text)
                t.column("sequenceNumber", .text)
                t.column("deadLetterSourceArn", .text)
            }
            try db.create(index: "message_by_visibility", on: "message", columns: ["queueId", "visibleAt", "id"])
            try db.create(index: "message_by_age", on: "message", columns: ["queueId", "sentAt"])
            try db.create(table: "deduplication") { t in
                t.belongsTo("queue", onDelete: .cascade).notNull()
                t.column("key", .text).notNull()
                t.column("messageId", .text).notNull()
                t.column("sequenceNumber", .text).notNull()
                t.column("expiresAt", .integer).notNull()
                t.primaryKey(["queueId", "key"])
            }
            try db.create(table: "move_task") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("handle", .text).notNull().unique()
                t.column("sourceArn", .text).notNull().indexed()
                t.column("destinationArn", .text)
                t.column("maxNumberOfMessagesPerSecond", .integer)
                t.column("status", .text).notNull()
                t.column("startedAt", .integer).notNull()
                t.column("lastMessageRowId", .integer).notNull()
                t.column("messagesToMove", .integer).notNull()
                t.column("messagesMoved", .integer).notNull()
                t.column("failureReason", .text)
            }
        }
        migrator.registerMigration("v2 FIFO receive attempts") { db in
            try db.create(table: "receive_attempt") { t in
                t.belongsTo("queue", onDelete: .cascade).notNull()
                t.column("attemptId", .text).notNull()
                t.column("createdAt", .integer).notNull()
                // When the attempt's messages become visible again, as it (or its last retry) set it.
                t.column("visibleAt", .integer).notNull()
                // JSON [{rowId, nonce}] of the messages the attempt received.
                t.column("messages", .jsonText).notNull()
                t.primaryKey(["queueId", "attemptId"])
            }
        }
        migrator.registerMigration("v3 delivery attempts") { db in
            // One row per batch an event source mapping delivered (or tried to) and per invocation
            // through the Invoke API: the history `queuelab report` and `queuelab dlq` read. The
            // message ids sit in the row (a JSON list), so recording appends rows in id order
            // instead of scattering one index entry per message (that cost a third of a drain).
            try db.create(table: "delivery_attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("functionName", .text).notNull()
                t.column("mappingId", .text)
                // RequestResponse or Event for invocations that came through the Invoke API; none for a mapping's batch.
                t.column("invocationType", .text)
                t.column("queueName", .text)
                t.column("receivedAt", .integer).notNull()
                t.column("invokedAt", .integer)
                t.column("endedAt", .integer)
                t.column("requestId", .text)
                t.column("coldStart", .boolean).notNull()
                t.column("durationMicroseconds", .integer)
                t.column("outcome", .text).notNull()
                t.column("batchSize", .integer).notNull()
                t.column("throttles", .integer).notNull()
                t.column("errorType", .text)
                t.column("errorMessage", .text)
                t.column("messageIds", .jsonText).notNull()
                t.column("failedMessageIds", .jsonText)
                t.column("filteredMessageIds", .jsonText)
            }
            try db.create(index: "delivery_attempt_by_function", on: "delivery_attempt", columns: ["functionName", "receivedAt"])
            try db.alter(table: "message") { t in
                // The last attempt that carried the message, set by the receive that delivered it.
                t.add(column: "lastAttemptId", .integer)
                t.add(column: "deadLetteredAt", .integer)
                // The last attempt that carried the message before it exceeded maxReceiveCount.
                t.add(column: "deadLetterAttemptId", .integer)
            }
        }
        migrator.registerMigration("v4 runs, queue samples and message events") { db in
            // One row per `queuelab start`, with the functions and mappings it ran (JSON).
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("startedAt", .integer).notNull()
                t.column("endedAt", .integer)
                t.column("lastSampleAt", .integer)
                t.column("functions", .jsonText).notNull()
                t.column("mappings", .jsonText).notNull()
            }
            // Each queue once a second while a run lasts: depth over time, and the run's counters.
            try db.create(table: "queue_sample") { t in
                t.belongsTo("run", onDelete: .cascade).notNull()
                t.column("at", .integer).notNull()
                t.column("queueName", .text).notNull()
                t.column("visible", .integer).notNull()
                t.column("inFlight", .integer).notNull()
                t.column("delayed", .integer).notNull()
                t.column("oldestMessageAge", .integer)
                t.column("sent", .integer).notNull()
                t.column("received", .integer).notNull()
                t.column("deleted", .integer).notNull()
                t.column("deadLettered", .integer).notNull()
                t.column("requests", .integer).notNull()
            }
            // Rare moves between queues (dead-lettered, redriven), so a message's lives can be told apart.
            try db.create(table: "message_event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("messageId", .text).notNull().indexed()
                t.column("kind", .text).notNull()
                t.column("at", .integer).notNull()
                t.column("fromQueue", .text).notNull()
                t.column("toQueue", .text).notNull()
                t.column("attemptId", .integer)
            }
            // `queuelab report` reads a run's attempts by time.
            try db.create(index: "delivery_attempt_by_time", on: "delivery_attempt", columns: ["receivedAt"])
        }
        migrator.registerMigration("v5 FIFO groups by first message, deduplication keys by id then group") { db in
            // A FIFO receive tells a group's first message from the rest with one probe here;
            // messages without a group (most of a standard queue's) cost nothing.
            try db.create(index: "message_by_group", on: "message", columns: ["queueId", "groupId", "id"],
                          condition: Column("groupId") != nil)
            // Keys were `<id>` (queue scope) or `<group> <id>` (group scope); they become `<id> <group>`,
            // so a retried send is still refused across the upgrade (neither id holds a space).
            try db.execute(sql: """
                UPDATE deduplication SET key = CASE
                    WHEN instr(key, ' ') = 0 THEN key || ' '
                    ELSE substr(key, instr(key, ' ') + 1) || ' ' || substr(key, 1, instr(key, ' ') - 1) END
                """)
        }
        return migrator
    }
}
