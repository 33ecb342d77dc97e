import FunctionHost

/// Why `queuelab start --manifest FILE` cannot run the functions a manifest declares. Every
/// message starts with the file as the user named it, then the key, then what is allowed.
public enum ManifestLoadError: Error, Equatable, CustomStringConvertible {
    case fileNotFound(file: String)
    case unreadable(file: String, detail: String)
    /// Not JSON at all; `detail` carries the line and column.
    case malformedJSON(file: String, detail: String)
    /// JSON, but a key is missing or has the wrong type; `key` is dotted (`functions.probe.timeout`).
    case invalidValue(file: String, key: String, detail: String)
    /// Neither runtime nor provider.runtime is set.
    case missingRuntime(file: String, key: String)
    /// An environment value other than a string or a `Ref` to a queue (`Fn::GetAtt`, `Fn::Sub`, a number, …).
    case unsupportedEnvironmentValue(file: String, key: String, value: String)
    /// A `Ref` to a logical ID that is not an `AWS::SQS::Queue` of `resources.Resources`.
    case unknownQueueReference(file: String, key: String, logicalID: String)
    /// A `Ref` to a queue without `QueueName`, whose local URL therefore is unknown.
    case unnamedQueue(file: String, key: String, logicalID: String)
    /// The function host refused a function (unknown runtime, handler not found, a value out of range).
    case functionRejected(file: String, FunctionHostError)

    public var code: String {
        switch self {
        case .fileNotFound: "ManifestNotFound"
        case .unreadable: "ManifestUnreadable"
        case .malformedJSON: "MalformedManifest"
        case .invalidValue: "InvalidManifestValue"
        case .missingRuntime: "MissingRuntime"
        case .unsupportedEnvironmentValue: "UnsupportedEnvironmentValue"
        case .unknownQueueReference: "UnknownQueueReference"
        case .unnamedQueue: "UnnamedQueue"
        case .functionRejected(_, let error): error.code
        }
    }

    public var message: String {
        switch self {
        case .fileNotFound(let file):
            "\(file): no such file"
        case .unreadable(let file, let detail):
            "\(file): cannot be read: \(detail)"
        case .malformedJSON(let file, let detail):
            "\(file): not valid JSON: \(detail)"
        case .invalidValue(let file, let key, let detail):
            "\(file): \(key): \(detail)"
        case .missingRuntime(let file, let key):
            "\(file): \(key) is not set, nor is provider.runtime; allowed: provided.*, python3.* "
                + "(the Serverless Framework's Node.js default does not run here)"
        case .unsupportedEnvironmentValue(let file, let key, let value):
            "\(file): \(key) is \(value); allowed: a string, or {\"Ref\": <an AWS::SQS::Queue of resources.Resources>}"
        case .unknownQueueReference(let file, let key, let logicalID):
            "\(file): \(key) refers to '\(logicalID)', which is not an AWS::SQS::Queue of resources.Resources"
        case .unnamedQueue(let file, let key, let logicalID):
            "\(file): \(key) refers to queue '\(logicalID)', which needs Properties.QueueName to have a local URL"
        case .functionRejected(let file, let error):
            "\(file): \(error.message)"
        }
    }

    public var description: String { "\(code): \(message)" }
}
