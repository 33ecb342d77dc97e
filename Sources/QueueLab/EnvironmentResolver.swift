import Foundation
import IntegrationManifest

/// Checks environment values against what runs locally: strings, and `Ref`s to named queues.
struct EnvironmentResolver {
    let file: String
    let accountId: String
    let queues: [String: SQSQueueProperties]

    func resolve(
        _ environment: [String: CloudFormationValue], keyPrefix: String
    ) throws(ManifestLoadError) -> [String: EnvironmentValue] {
        var resolved: [String: EnvironmentValue] = [:]
        for (variable, value) in environment.sorted(by: { $0.key < $1.key }) {
            let key = keyPrefix + "." + variable
            switch value {
            case .string(let text):
                resolved[variable] = .literal(text)
            case .ref(let logicalID):
                guard let queue = queues[logicalID] else {
                    throw .unknownQueueReference(file: file, key: key, logicalID: logicalID)
                }
                guard let name = queue.queueName else { throw .unnamedQueue(file: file, key: key, logicalID: logicalID) }
                resolved[variable] = .queuePath(accountId + "/" + name)
            case .getAtt, .other:
                throw .unsupportedEnvironmentValue(file: file, key: key, value: Self.render(value))
            }
        }
        return resolved
    }

    /// The value as written in the manifest, compact, for error messages.
    private static func render(_ value: CloudFormationValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
}
