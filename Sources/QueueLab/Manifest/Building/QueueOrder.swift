import StrictJSON

/// Orders queues so that a dead-letter queue is created before the queues whose `RedrivePolicy`
/// names it (SQS refuses a redrive policy whose target does not exist yet), and checks those of
/// the manifest's targets SQS would refuse: the queue itself, a queue of the other type, a cycle.
/// A target outside the manifest is left to SQS.
struct QueueOrder {
    let file: String
    /// In the order to keep where redrive policies do not decide.
    let queues: [QueueDeclaration]

    func ordered() throws(ManifestLoadError) -> [QueueDeclaration] {
        let byARN = Dictionary(queues.map { ($0.arn, $0) }, uniquingKeysWith: { first, _ in first })
        var ordered: [QueueDeclaration] = []
        var placed: Set<String> = []

        func place(_ queue: QueueDeclaration, after chain: [QueueDeclaration]) throws(ManifestLoadError) {
            guard !placed.contains(queue.arn) else { return }
            if let start = chain.firstIndex(of: queue) {
                throw .circularReference(
                    file: file, key: Self.targetKey(of: queue),
                    chain: (chain[start...] + [queue]).map { Self.targetKey(of: $0) })
            }
            if let target = Self.deadLetterTarget(of: queue), let deadLetterQueue = byARN[target] {
                guard deadLetterQueue != queue else {
                    throw .invalidValue(file: file, key: Self.targetKey(of: queue), detail: "names the queue itself; allowed: another queue's ARN")
                }
                guard deadLetterQueue.isFIFO == queue.isFIFO else {
                    throw .invalidValue(
                        file: file, key: Self.targetKey(of: queue),
                        detail: "names \(deadLetterQueue.logicalID), a \(Self.kind(deadLetterQueue)) queue, for a \(Self.kind(queue)) queue; "
                            + "allowed: a dead-letter queue of the same type")
                }
                try place(deadLetterQueue, after: chain + [queue])
            }
            placed.insert(queue.arn)
            ordered.append(queue)
        }

        for queue in queues {
            try place(queue, after: [])
        }
        return ordered
    }

    private static func deadLetterTarget(of queue: QueueDeclaration) -> String? {
        guard let policy = queue.attributes[QueueDeclaration.redrivePolicy],
              case .object(let members)? = try? JSONParser.parse(Array(policy.utf8)),
              case .string(let target)? = members["deadLetterTargetArn"]
        else { return nil }
        return target
    }

    private static func targetKey(of queue: QueueDeclaration) -> String {
        queue.key + ".Properties.RedrivePolicy.deadLetterTargetArn"
    }

    private static func kind(_ queue: QueueDeclaration) -> String {
        queue.isFIFO ? "FIFO" : "standard"
    }
}
