/// Where a value sits in the manifest, printed as errors name it: `functions.worker.events[0].sqs`.
///
/// IntegrationManifest's `JSONPath` prints the same way but keeps its components private; loading
/// needs them to walk the document (`${self:custom.queues.0}` and every key the plan reads).
struct ManifestKey: Hashable, Sendable, CustomStringConvertible {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    let components: [Component]

    static let root = ManifestKey(components: [])

    init(components: [Component]) {
        self.components = components
    }

    /// A key written as dotted names (`functions.worker`).
    init(_ dotted: String) {
        self.components = dotted.split(separator: ".").map { .key(String($0)) }
    }

    func appending(_ key: String) -> ManifestKey { ManifestKey(components: components + [.key(key)]) }

    func appending(index: Int) -> ManifestKey { ManifestKey(components: components + [.index(index)]) }

    var description: String {
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
