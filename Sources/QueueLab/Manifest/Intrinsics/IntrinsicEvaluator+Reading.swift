import StrictJSON

/// Typed values with key-naming errors. Each takes the value as written, evaluates its intrinsics
/// and checks the result; `nil` means unset (absent, `null`, or `AWS::NoValue`). Numbers may be
/// written as strings and booleans as `"true"`/`"false"`, as CloudFormation and the Serverless
/// Framework's schema (coerceTypes) accept them.
extension IntrinsicEvaluator {
    mutating func evaluated(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> EvaluatedValue? {
        guard let value, value != .null else { return nil }
        return try evaluate(value, at: key)
    }

    mutating func integer(_ value: JSONValue?, at key: JSONPath, in range: ClosedRange<Int>) throws(ManifestLoadError) -> Int? {
        guard let result = try evaluated(value, at: key) else { return nil }
        return try integer(result, at: key, in: range)
    }

    func integer(_ value: EvaluatedValue, at key: JSONPath, in range: ClosedRange<Int>) throws(ManifestLoadError) -> Int {
        let number: Int? = switch value {
        case .integer(let number): number
        case .number(let number): Int(exactly: number)
        case .string(let text): text.literal.flatMap { Int($0) }
        default: nil
        }
        guard let number, range.contains(number) else { throw invalid(value, at: key, allowed: Self.describe(range)) }
        return number
    }

    static func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == .max ? "an integer ≥ \(range.lowerBound)" : "an integer \(range.lowerBound)–\(range.upperBound)"
    }

    mutating func boolean(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> Bool? {
        guard let result = try evaluated(value, at: key) else { return nil }
        return try boolean(result, at: key)
    }

    func boolean(_ value: EvaluatedValue, at key: JSONPath) throws(ManifestLoadError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .string(let text) where text.literal?.lowercased() == "true": return true
        case .string(let text) where text.literal?.lowercased() == "false": return false
        default: throw invalid(value, at: key, allowed: "true or false")
        }
    }

    /// A string (numbers and booleans as text) that does not depend on the SQS endpoint.
    mutating func string(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> String? {
        guard let result = try evaluated(value, at: key) else { return nil }
        return try string(result, at: key)
    }

    func string(_ value: EvaluatedValue, at key: JSONPath) throws(ManifestLoadError) -> String {
        guard let text = value.text else { throw invalid(value, at: key, allowed: "a string") }
        guard let literal = text.literal else {
            throw .invalidValue(
                file: file, key: key.description,
                detail: "is \(value.rendered), a queue's URL (what Ref gives a queue); allowed: a string such as its ARN, {\"Fn::GetAtt\": [<queue>, \"Arn\"]}")
        }
        return literal
    }

    mutating func oneOf(_ allowed: [String], _ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> String? {
        guard let result = try evaluated(value, at: key) else { return nil }
        let text = try string(result, at: key)
        guard allowed.contains(text) else { throw invalid(result, at: key, allowed: allowed.joined(separator: ", ")) }
        return text
    }

    /// An object's members as written (intrinsics not evaluated), for reading member by member.
    func members(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> [String: JSONValue]? {
        switch value {
        case nil, .null?: return nil
        case .object(let members)?: return members
        case let other?: throw invalid(EvaluatedValue(literal: other), at: key, allowed: "an object")
        }
    }

    /// The ARN of an SQS queue, for event sources, destinations and dead-letter queues. Another
    /// kind of ARN is `.unsupportedTarget`, naming what it is.
    mutating func queueARN(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> String? {
        guard let result = try evaluated(value, at: key) else { return nil }
        return try queueARN(result, at: key)
    }

    func queueARN(_ value: EvaluatedValue, at key: JSONPath) throws(ManifestLoadError) -> String {
        let arn = try string(value, at: key)
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn" else {
            throw .invalidValue(file: file, key: key.description, detail: "is \"\(arn)\"; allowed: an SQS queue's ARN, arn:aws:sqs:<region>:<account>:<name>")
        }
        guard parts[2] == "sqs", parts.count == 6 else {
            throw .unsupportedTarget(file: file, key: key.description, target: arn, kind: Self.targetKinds[String(parts[2])] ?? "not an SQS queue")
        }
        return arn
    }

    static let targetKinds = ["sns": "an SNS topic", "lambda": "a Lambda function", "events": "an EventBridge event bus", "s3": "an S3 bucket"]

    /// The service of an ARN (`sqs`, `sns`, …), or `nil` when `text` is not an ARN.
    static func arnService(_ text: String) -> String? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 6 && parts[0] == "arn" ? String(parts[2]) : nil
    }

    func invalid(_ value: EvaluatedValue, at key: JSONPath, allowed: String) -> ManifestLoadError {
        .invalidValue(file: file, key: key.description, detail: "is \(value.rendered); allowed: \(allowed)")
    }

    func missing(at key: JSONPath) -> ManifestLoadError {
        .invalidValue(file: file, key: key.description, detail: "is required")
    }
}
