/// Whether Quo received or sent a message or call.
public enum Direction: String, Codable, Sendable {
    case inbound, outbound
}
