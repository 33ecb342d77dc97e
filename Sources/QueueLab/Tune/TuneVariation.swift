import Foundation
import IntegrationManifest

/// One `--vary key=v1,v2,…`: a queueConfig key and the values to try, in the order given.
public struct TuneVariation: Sendable, Equatable {
    public var key: String
    public var values: [Int]

    public init(key: String, values: [Int]) {
        self.key = key
        self.values = values
    }

    public init(parsing text: String) throws(TuneError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw TuneError(.invalidVariation, "--vary '\(text)': expected key=value,value…, e.g. maxWorkers=5,10,25")
        }
        let key = String(text[..<equals])
        guard QueueConfig.Key(rawValue: key) != nil else {
            let keys = QueueConfig.Key.allCases.map(\.rawValue)
            let hint = KeySuggestion(allowedKeys: keys).suggestion(for: key).map { "did you mean '\($0)'?" }
                ?? "the queueConfig keys are \(keys.joined(separator: ", "))"
            throw TuneError(.invalidVariation, "--vary '\(text)': unknown key '\(key)'; \(hint)")
        }
        var values: [Int] = []
        for part in text[text.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw TuneError(.invalidVariation, "--vary '\(text)': '\(part)' is not a whole number")
            }
            if !values.contains(value) { values.append(value) }
        }
        self.init(key: key, values: values)
    }

    /// Every combination of the variations' values, the first variation varying slowest.
    public static func grid(_ variations: [TuneVariation]) -> [TuneConfiguration] {
        variations.reduce([TuneConfiguration(values: [])]) { partial, variation in
            partial.flatMap { configuration in
                variation.values.map { TuneConfiguration(values: configuration.values + [.init(key: variation.key, value: $0)]) }
            }
        }
    }
}

/// One combination of `--vary` values.
public struct TuneConfiguration: Sendable, Equatable, Codable {
    public struct Value: Sendable, Equatable, Codable {
        public var key: String
        public var value: Int
    }

    public var values: [Value]

    /// `maxWorkers=10 batchSize=1`.
    public var label: String { values.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
    /// As `queuelab sync --set` takes them.
    public var settings: [String] { values.map { "\($0.key)=\($0.value)" } }
}
