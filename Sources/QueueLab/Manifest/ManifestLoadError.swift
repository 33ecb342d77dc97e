import EventSourceMapping
import FunctionHost
import QueueStore

/// Why `queuelab start --manifest FILE` cannot run what a manifest declares. Every message starts
/// with the file as the user named it, then the dotted key, then what is allowed.
public enum ManifestLoadError: Error, Equatable, CustomStringConvertible {
    case fileNotFound(file: String)
    case unreadable(file: String, detail: String)
    /// Not JSON at all; `detail` carries the line and column.
    case malformedJSON(file: String, detail: String)
    /// A key is missing, or its value has the wrong type or is out of range; `key` is dotted
    /// (`functions.probe.timeout`) and `detail` says what is wrong and what is allowed.
    case invalidValue(file: String, key: String, detail: String)
    /// Neither runtime nor provider.runtime is set.
    case missingRuntime(file: String, key: String)
    /// A Serverless variable (`${self:custom.x}`) that names an unknown source or finds no value.
    case unresolvedVariable(file: String, key: String, variable: String, reason: String)
    /// A value that depends on itself, through variables or intrinsic functions; `chain` lists the keys.
    case circularReference(file: String, key: String, chain: [String])
    /// A CloudFormation intrinsic function QueueLab does not evaluate (`Fn::If`, `Fn::ImportValue`, …).
    case unsupportedIntrinsic(file: String, key: String, function: String)
    /// A `Ref`, `Fn::GetAtt` or `Fn::Sub` variable naming nothing QueueLab can give a value for.
    case unresolvedReference(file: String, key: String, reference: String, reason: String)
    /// A destination or dead-letter target other than an SQS queue (an SNS topic, a function, …).
    case unsupportedTarget(file: String, key: String, target: String, kind: String)
    /// The function host refused a function (unknown runtime, handler not found, a value out of range).
    case functionRejected(file: String, FunctionHostError)
    /// Lambda's CreateEventSourceMapping would refuse the mapping.
    case mappingRejected(file: String, MappingValidationError)
    /// A mapping or a failure destination names a queue neither the manifest nor the state file has.
    case queueNotFound(file: String, key: String, arn: String)
    /// The SQS endpoint refuses a queue's attributes.
    case queueRejected(file: String, key: String, SQSError)
    /// The state file holds the queue with the other type; CloudFormation would have to replace it.
    case queueTypeChanged(file: String, key: String, name: String, nowFIFO: Bool)
    /// Two mappings join the same queue and function, which Lambda refuses.
    case duplicateMapping(file: String, key: String, otherKey: String, function: String, queueARN: String)

    public var code: String {
        switch self {
        case .fileNotFound: "ManifestNotFound"
        case .unreadable: "ManifestUnreadable"
        case .malformedJSON: "MalformedManifest"
        case .invalidValue: "InvalidManifestValue"
        case .missingRuntime: "MissingRuntime"
        case .unresolvedVariable: "UnresolvedVariable"
        case .circularReference: "CircularReference"
        case .unsupportedIntrinsic: "UnsupportedIntrinsic"
        case .unresolvedReference: "UnresolvedReference"
        case .unsupportedTarget: "UnsupportedTarget"
        case .functionRejected(_, let error): error.code
        case .mappingRejected(_, let error): error.code
        case .queueNotFound: "QueueNotFound"
        case .queueRejected(_, _, let error): error.code.rawValue
        case .queueTypeChanged: "QueueTypeChanged"
        case .duplicateMapping: "ResourceConflictException"
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
        case .unresolvedVariable(let file, let key, let variable, let reason):
            "\(file): \(key): cannot resolve \(variable): \(reason)"
        case .circularReference(let file, let key, let chain):
            "\(file): \(key): circular reference: \(chain.joined(separator: " → "))"
        case .unsupportedIntrinsic(let file, let key, let function):
            "\(file): \(key): \(function) is not evaluated locally; allowed: Ref, Fn::GetAtt, Fn::Sub, Fn::Join"
        case .unresolvedReference(let file, let key, let reference, let reason):
            "\(file): \(key): cannot resolve \(reference): \(reason)"
        case .unsupportedTarget(let file, let key, let target, let kind):
            "\(file): \(key) is \"\(target)\", \(kind), which does not run locally; allowed: an SQS queue's ARN"
        case .functionRejected(let file, let error):
            "\(file): \(error.message)"
        case .mappingRejected(let file, let error):
            "\(file): \(error.message)"
        case .queueNotFound(let file, let key, let arn):
            "\(file): \(key): the queue \(arn) does not exist; allowed: an AWS::SQS::Queue of the manifest, or a queue already in the state file"
        case .queueRejected(let file, let key, let error):
            "\(file): \(key): \(error.message) (\(error.code.rawValue))"
        case .queueTypeChanged(let file, let key, let name, let nowFIFO):
            "\(file): \(key): queue \(name) is \(nowFIFO ? "a standard" : "a FIFO") queue in the state file and \(nowFIFO ? "FIFO" : "standard") here; "
                + "a queue's type cannot change (delete the queue or use a new state file)"
        case .duplicateMapping(let file, let key, let otherKey, let function, let queueARN):
            "\(file): \(key): An event source mapping with SQS arn (\" \(queueARN) \") and function (\" \(function) \") already exists (\(otherKey))"
        }
    }

    public var description: String { "\(code): \(message)" }
}
