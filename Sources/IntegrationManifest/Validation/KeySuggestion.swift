/// Finds the allowed key a misspelt one was probably meant to be ("did you mean"): the one
/// helper for every unknown name a user can mistype (definition keys, CRM names, knobs).
public struct KeySuggestion: Sendable {
    public let allowedKeys: [String]

    public init(allowedKeys: [String]) {
        self.allowedKeys = allowedKeys
    }

    /// The closest allowed key, if it is close enough to be a typo: at most a third of the
    /// longer key's characters edited (so `maxWorker` suggests `maxWorkers`, `speed` nothing).
    public func suggestion(for key: String) -> String? {
        let ranked = allowedKeys.map { (key: $0, distance: Self.editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = ranked.min(by: { ($0.distance, $0.key) < ($1.distance, $1.key) }) else { return nil }
        let tolerance = max(1, max(key.count, best.key.count) / 3)
        return best.distance <= tolerance ? best.key : nil
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    static func editDistance(_ source: String, _ target: String) -> Int {
        let source = Array(source)
        let target = Array(target)
        var previous = Array(0...target.count)
        for (sourceIndex, sourceCharacter) in source.enumerated() {
            var current = [sourceIndex + 1]
            for (targetIndex, targetCharacter) in target.enumerated() {
                let substitution = previous[targetIndex] + (sourceCharacter == targetCharacter ? 0 : 1)
                current.append(min(substitution, previous[targetIndex + 1] + 1, current[targetIndex] + 1))
            }
            previous = current
        }
        return previous[target.count]
    }
}
