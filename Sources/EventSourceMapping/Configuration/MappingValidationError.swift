/// A mapping CreateEventSourceMapping would refuse: the function, where the manifest declares it,
/// the offending setting and its value, and AWS's rule (AWS's own message where it is known).
public struct MappingValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let functionName: String
    public let setting: String
    public let value: String
    public let rule: String
    /// The exception the Lambda API answers with.
    public let code: String

    public init(request: MappingRequest, setting: String, value: String, rule: String, code: String = "InvalidParameterValueException") {
        key = request.key
        functionName = request.functionName
        self.setting = setting
        self.value = value
        self.rule = rule
        self.code = code
    }

    public var message: String {
        "\(key): function '\(functionName)': \(setting) is \(value): \(rule) (\(code))"
    }

    public var description: String { message }
}
