/// A path template API Gateway would refuse.
public struct PathTemplateError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    /// What CreateRoute answers for a malformed route key.
    public var code: String { "BadRequestException" }
    public var message: String { "path \"\(path)\" \(reason)" }
    public var description: String { "\(code): \(message)" }
}
