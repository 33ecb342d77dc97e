/// AWS list prices the cost estimate uses, in US dollars, by key; `queuelab report --price key=value`
/// overrides any of them. Defaults: US East (N. Virginia), x86, first pricing tier, no free tier,
/// from aws.amazon.com/lambda/pricing and aws.amazon.com/sqs/pricing (read 2026-11-29).
public struct Prices: Sendable, Equatable {
    public static let defaults: [String: Double] = [
        "lambda.requestsPerMillion": 0.20,
        "lambda.gbSecond": 0.0000166667,
        "lambda.provisionedGbSecond": 0.0000041667,
        "sqs.standardRequestsPerMillion": 0.40,
        "sqs.fifoRequestsPerMillion": 0.50,
    ]

    public private(set) var values: [String: Double]

    public init(overrides: [String: Double] = [:]) {
        values = Self.defaults.merging(overrides) { _, override in override }
    }

    /// Parses `key=value` overrides; an unknown key or a value that is not a non-negative number throws.
    public init(parsing overrides: [String]) throws(PriceError) {
        var parsed: [String: Double] = [:]
        for override in overrides {
            let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw PriceError(code: .malformed, text: override) }
            guard Self.defaults[parts[0]] != nil else { throw PriceError(code: .unknownKey, text: parts[0]) }
            guard let value = Double(parts[1]), value >= 0, value.isFinite else { throw PriceError(code: .badValue, text: override) }
            parsed[parts[0]] = value
        }
        self.init(overrides: parsed)
    }

    public subscript(key: String) -> Double {
        values[key] ?? 0
    }

    /// `key=value` pairs in key order, each price in plain decimals (`lambda.gbSecond=0.0000166667`).
    public static func text(_ values: [String: Double], separator: String = " ") -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\(RunReport.price($0.value))" }.joined(separator: separator)
    }
}

/// A `--price` argument that cannot be used.
public struct PriceError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case malformed = "MalformedPrice"
        case unknownKey = "UnknownPriceKey"
        case badValue = "InvalidPriceValue"
    }

    public let code: Code
    public let text: String

    public var description: String {
        switch code {
        case .malformed: "--price \(text): expected key=value."
        case .unknownKey: "--price: unknown key \(text); known keys: \(Prices.defaults.keys.sorted().joined(separator: ", "))."
        case .badValue: "--price \(text): the value must be a number of dollars, 0 or more."
        }
    }
}
