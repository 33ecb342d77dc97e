import Primitives

extension CRMSettings {
    /// The knob names, as `apply(knob:)` reads them and `knobs` writes them.
    public static let knobNames = ["records", "latency", "perRecordLatency", "rateLimit", "errorRate", "poison"]

    /// Sets one field from `name=value`: `records=500`, `latency=50ms` (or `1.5s`, `0`),
    /// `perRecordLatency=2ms`, `rateLimit=20/s` (`N/s`, `N/min`, `N/h`, or `off`),
    /// `errorRate=0.05` (0 to 1), `poison=12,57` (person numbers; empty for none).
    public mutating func apply(knob: String) throws(CRMMockError) {
        guard let equals = knob.firstIndex(of: "=") else {
            throw CRMMockError(.invalidKnob, "knob '\(knob)': expected name=value, e.g. rateLimit=20/s")
        }
        try set(String(knob[..<equals]), to: String(knob[knob.index(after: equals)...]))
    }

    /// The settings as knob strings, one per field, which `init(_:knobs:)` reads back.
    public var knobs: [String] {
        [
            "records=\(records)", "latency=\(Self.format(latency))", "perRecordLatency=\(Self.format(perRecordLatency))",
            "rateLimit=\(rateLimit?.description ?? "off")", "errorRate=\(errorRate)",
            "poison=\(poison.sorted().map(String.init).joined(separator: ","))",
        ]
    }

    mutating func set(_ name: String, to value: String) throws(CRMMockError) {
        switch name {
        case "records":
            guard let records = Int(value), (0...Self.maximumRecords).contains(records) else {
                throw CRMMockError(.invalidKnob, "records '\(value)': expected a whole number from 0 to \(Self.maximumRecords)")
            }
            self.records = records
        case "latency":
            latency = try Self.duration(value, knob: name)
        case "perRecordLatency":
            perRecordLatency = try Self.duration(value, knob: name)
        case "rateLimit":
            rateLimit = value == "off" ? nil : try RateLimit(parsing: value)
        case "errorRate":
            guard let rate = Double(value), (0...1).contains(rate) else {
                throw CRMMockError(.invalidKnob, "errorRate '\(value)': expected a number from 0 to 1, e.g. 0.05")
            }
            errorRate = rate
        case "poison":
            var numbers: Set<Int> = []
            for part in value.split(separator: ",", omittingEmptySubsequences: false) where !value.isEmpty {
                guard let number = Int(part.trimmingSpaces), number >= 1 else {
                    throw CRMMockError(.invalidKnob, "poison '\(value)': expected person numbers (1 or more) separated by commas, e.g. 12,57")
                }
                numbers.insert(number)
            }
            poison = numbers
        default:
            throw CRMMockError(.invalidKnob, "unknown knob '\(name)'; the knobs are \(Self.knobNames.joined(separator: ", "))")
        }
    }

    /// Reads `50ms`, `1.5s` or `0`.
    private static func duration(_ value: String, knob: String) throws(CRMMockError) -> Duration {
        let (number, scale): (Substring, Double) =
            value.hasSuffix("ms") ? (value.dropLast(2), 1000) : value.hasSuffix("s") ? (value.dropLast(), 1_000_000) : (value[...], 0)
        if let amount = Double(number), amount >= 0, amount.isFinite, scale > 0 || amount == 0 {
            return .microseconds(Int64((amount * scale).rounded()))
        }
        throw CRMMockError(.invalidKnob, "\(knob) '\(value)': expected a duration such as 50ms, 1.5s or 0")
    }

    /// In milliseconds, as the knob is usually written: `50ms`, `0.25ms`.
    private static func format(_ duration: Duration) -> String {
        let microseconds = duration.wholeMicroseconds
        return microseconds % 1000 == 0 ? "\(microseconds / 1000)ms" : "\(Double(microseconds) / 1000)ms"
    }
}

extension CRMSettings: Codable {
    /// Encoded as an object of knob values: `{"records": 500, "latency": "50ms", "rateLimit": "20/s",
    /// "errorRate": 0.05, "poison": [12, 57]}`; missing keys keep the defaults of `CRMSettings()`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        records = try container.decodeIfPresent(Int.self, forKey: .records) ?? records
        errorRate = try container.decodeIfPresent(Double.self, forKey: .errorRate) ?? errorRate
        poison = try container.decodeIfPresent(Set<Int>.self, forKey: .poison) ?? poison
        let knobs: [(CodingKeys, String?)] = [
            (.latency, try container.decodeIfPresent(String.self, forKey: .latency)),
            (.perRecordLatency, try container.decodeIfPresent(String.self, forKey: .perRecordLatency)),
            (.rateLimit, try container.decodeIfPresent(String.self, forKey: .rateLimit)),
        ]
        do throws(CRMMockError) {
            for case let (key, value?) in knobs { try set(key.stringValue, to: value) }
            // The numeric fields pass through the same checks as their knob strings.
            try set("records", to: String(records))
            try set("errorRate", to: String(errorRate))
            try set("poison", to: poison.map(String.init).joined(separator: ","))
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(records, forKey: .records)
        try container.encode(Self.format(latency), forKey: .latency)
        try container.encode(Self.format(perRecordLatency), forKey: .perRecordLatency)
        try container.encodeIfPresent(rateLimit?.description, forKey: .rateLimit)
        try container.encode(errorRate, forKey: .errorRate)
        try container.encode(poison.sorted(), forKey: .poison)
    }

    private enum CodingKeys: String, CodingKey {
        case records, latency, perRecordLatency, rateLimit, errorRate, poison
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
