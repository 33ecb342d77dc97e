/// A location inside a JSON document, printed as errors name it: `queueConfig.maxWorkers`,
/// `personObjectTypes[0].crmObjectName`, `functions.worker.events[0].sqs`; the root is `(top level)`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public let components: [Component]

    public static let root = JSONPath(components: [])

    public init(components: [Component]) {
        self.components = components
    }

    /// A path written as dotted keys (`functions.worker`).
    public init(dotted: String) {
        components = dotted.split(separator: ".").map { .key(String($0)) }
    }

    public var isRoot: Bool { components.isEmpty }

    public func appending(_ key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }

    public func appending(index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }

    public var description: String {
        guard !components.isEmpty else { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
