import Foundation
import QueueStore

/// Turns Query-protocol parameters (`Attribute.1.Name=…`, `SendMessageBatchRequestEntry.2.Id=…`)
/// into the same document shape the JSON protocol carries, using SQS's flattened member names.
enum QueryRequestDecoder {
    /// Flattened Query names of map members, with the JSON member each becomes and its key/value names.
    private static let maps: [String: (member: String, key: String, value: String)] = [
        "Attribute": ("Attributes", "Name", "Value"),
        "MessageAttribute": ("MessageAttributes", "Name", "Value"),
        "MessageSystemAttribute": ("MessageSystemAttributes", "Name", "Value"),
        "Tag": ("Tags", "Key", "Value"),
    ]
    /// Flattened Query names of list members and the JSON member each becomes.
    private static let lists: [String: String] = [
        "AttributeName": "AttributeNames",
        "MessageAttributeName": "MessageAttributeNames",
        "MessageSystemAttributeName": "MessageSystemAttributeNames",
        "TagKey": "TagKeys",
        "AWSAccountId": "AWSAccountIds",
        "ActionName": "Actions",
        "SendMessageBatchRequestEntry": "Entries",
        "DeleteMessageBatchRequestEntry": "Entries",
        "ChangeMessageVisibilityBatchRequestEntry": "Entries",
    ]
    /// The JSON names of those lists, which a Query client may also use (`Entries.1.Id`): botocore's
    /// query serializer does with a model whose list members carry no names, and sends an empty
    /// list as the bare name with an empty value (`Entries=`).
    private static let listMembers = Set(lists.values)

    /// Parses an `application/x-www-form-urlencoded` body or query string into ordered pairs.
    static func parameters(_ encoded: String) throws(SQSError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for component in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = component.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decodeComponent(parts[0]), let value = decodeComponent(parts.count > 1 ? parts[1] : "") else {
                throw SQSError(.malformedQueryString, "The query string \(component) is malformed.")
            }
            pairs.append((name, value))
        }
        return pairs
    }

    private static func decodeComponent(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Builds the request document from parameters other than `Action`, `Version` and a query
    /// signature's `X-Amz-*` parameters.
    static func document(from parameters: [(String, String)]) -> AWSValue {
        var root = Node.branch([:])
        for (name, value) in parameters where name != "Action" && name != "Version" && !name.hasPrefix("X-Amz-") {
            root.insert(value, at: name.split(separator: ".").map(String.init)[...])
        }
        return normalise(root.value)
    }

    private indirect enum Node {
        case leaf(String)
        case branch([String: Node])

        mutating func insert(_ value: String, at path: ArraySlice<String>) {
            guard let head = path.first else {
                self = .leaf(value)
                return
            }
            var children: [String: Node] = [:]
            if case .branch(let existing) = self { children = existing }
            var child = children[head] ?? .branch([:])
            child.insert(value, at: path.dropFirst())
            children[head] = child
            self = .branch(children)
        }

        /// Branches whose keys are all indexes become lists, in index order.
        var value: AWSValue {
            switch self {
            case .leaf(let string): return .string(string)
            case .branch(let children):
                let indexes = children.keys.compactMap { Int($0) }
                if !children.isEmpty && indexes.count == children.count {
                    return .list(indexes.sorted().map { children[String($0)]!.value })
                }
                return .map(children.mapValues(\.value))
            }
        }
    }

    private static func normalise(_ value: AWSValue) -> AWSValue {
        switch value {
        case .list(let items): return .list(items.map(normalise))
        case .map(let members):
            var result: [String: AWSValue] = [:]
            for (name, member) in members {
                let member = normalise(member)
                if let map = maps[name] {
                    result[map.member] = .map(keyedEntries(member, key: map.key, value: map.value))
                } else if let list = lists[name] ?? (listMembers.contains(name) ? name : nil) {
                    result[list] = member == .string("") ? .list([]) : member
                } else {
                    result[name] = member
                }
            }
            return .map(result)
        default: return value
        }
    }

    private static func keyedEntries(_ value: AWSValue, key: String, value valueName: String) -> [String: AWSValue] {
        guard case .list(let entries) = value else { return [:] }
        var result: [String: AWSValue] = [:]
        for entry in entries {
            if case .string(let name)? = entry[key] { result[name] = entry[valueName] ?? .null }
        }
        return result
    }
}
