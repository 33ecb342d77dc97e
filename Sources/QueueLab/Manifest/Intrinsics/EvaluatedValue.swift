import Foundation
import StrictJSON

/// A manifest value once CloudFormation's intrinsic functions are evaluated: JSON, except that
/// strings may embed the SQS endpoint's URL (see `EndpointString`).
indirect enum EvaluatedValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(EndpointString)
    case array([EvaluatedValue])
    case object([String: EvaluatedValue])

    init(literal value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .integer(number)
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(EndpointString(text))
        case .array(let items): self = .array(items.map(EvaluatedValue.init(literal:)))
        case .object(let members): self = .object(members.mapValues(EvaluatedValue.init(literal:)))
        }
    }

    /// A scalar as text, as CloudFormation passes numbers and booleans into strings
    /// (`5`, `1.5`, `true`); `nil` for null, lists and objects.
    var text: EndpointString? {
        switch self {
        case .string(let text): text
        case .integer(let number): EndpointString(String(number))
        case .number(let number): EndpointString(Self.format(number))
        case .bool(let flag): EndpointString(String(flag))
        case .null, .array, .object: nil
        }
    }

    /// The value as JSON with `sqsEndpoint` in place of the endpoint.
    func json(sqsEndpoint: String) -> JSONValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .integer(let number): .integer(number)
        case .number(let number): .number(number)
        case .string(let text): .string(text.rendered(sqsEndpoint: sqsEndpoint))
        case .array(let items): .array(items.map { $0.json(sqsEndpoint: sqsEndpoint) })
        case .object(let members): .object(members.mapValues { $0.json(sqsEndpoint: sqsEndpoint) })
        }
    }

    /// How errors quote the value: compact JSON, the endpoint as `<sqs-endpoint>`.
    var rendered: String {
        Self.compactJSON(json(sqsEndpoint: "<sqs-endpoint>"))
    }

    /// JavaScript's way with numbers: integral values without a fraction (`1000`, not `1000.0`).
    static func format(_ number: Double) -> String {
        if number.rounded() == number, let integer = Int(exactly: number) { return String(integer) }
        return String(number)
    }

    /// One-line JSON with sorted keys and unescaped slashes, the form QueueLab writes JSON
    /// attribute values (`RedrivePolicy`) and filter patterns in.
    static func compactJSON(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue cannot fail: it holds only JSON types.
        guard let data = try? encoder.encode(value) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
