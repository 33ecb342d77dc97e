/// How an event source mapping's receive records what it delivered.
public enum DeliveryRecording: Sendable {
    /// The first receive of a batch: starts the attempt (stored only if a message was delivered,
    /// with the time of the receive that delivered it).
    case start(DeliverySource)
    /// A later receive for the same batch (while a batching window fills it).
    case append(attemptId: Int64)

    var attemptId: Int64? {
        if case .append(let attemptId) = self { attemptId } else { nil }
    }
}
