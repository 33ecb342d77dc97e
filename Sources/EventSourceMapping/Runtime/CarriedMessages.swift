import QueueStore

/// Messages received for a batch they did not fit in (its 6 MB were full): already in flight,
/// they open the poller's next batch.
struct CarriedMessages: Sendable {
    var messages: [ReceivedMessage] = []
    var visibleUntil = Int64.max
}
