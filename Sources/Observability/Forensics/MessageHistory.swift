import Foundation

/// Everything known about one dead letter, as `queuelab dlq show` tells it: each life with its
/// receives and how it ended, and why it died the last time.
public struct MessageHistory: Sendable, Equatable {
    /// The message now, with its last life and the diagnosis.
    public var deadLetter: DeadLetter
    /// Oldest first; the last one ended in `deadLetter.queue`.
    public var lives: [MessageLife]

    public init(deadLetter: DeadLetter, lives: [MessageLife]) {
        self.deadLetter = deadLetter
        self.lives = lives
    }

    /// Every attempt of every life, oldest first.
    public var attempts: [MessageAttempt] {
        lives.flatMap(\.attempts)
    }

    /// The receives that ended `life`: the queue's count for the last life (which a redrive
    /// resets), the mapping's attempts for earlier ones.
    public func receives(of life: MessageLife) -> Int {
        life.index == lives.count ? deadLetter.receiveCount : life.attempts.count
    }
}

extension MessageHistory: Encodable {
    private enum CodingKeys: String, CodingKey {
        case lives
    }

    /// A life as `dlq show --json` lists it.
    private struct LifeEntry: Encodable {
        let life: Int
        let redriven: MessageLife.Move?
        let deadLettered: MessageLife.Move?
        let receives: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(life, forKey: .life)
            try container.encode(redriven, forKey: .redriven)
            try container.encode(deadLettered, forKey: .deadLettered)
            try container.encode(receives, forKey: .receives)
        }

        private enum CodingKeys: String, CodingKey {
            case life, redriven, deadLettered, receives
        }
    }

    /// The dead letter's keys with every attempt (each with its `life`), and `lives`.
    public func encode(to encoder: any Encoder) throws {
        try deadLetter.encode(to: encoder, attempts: attempts)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            lives.map { LifeEntry(life: $0.index, redriven: $0.redriven, deadLettered: $0.deadLettered, receives: receives(of: $0)) },
            forKey: .lives)
    }
}
