import StrictJSON

/// A partial batch response, `{"batchItemFailures": [{"itemIdentifier": "<message id>"}, …]}`,
/// read by the rules of Lambda's developer guide ("Reporting batch item failures"): an empty or
/// null list, and an empty or null response, are a complete success; invalid JSON, an empty or
/// null `itemIdentifier`, a bad key name, or an id that is not in the batch fail the whole batch.
enum ItemFailures {
    /// The error type attempt records show for a response the rules refuse.
    static let errorType = "ReportBatchItemFailures.InvalidResponse"

    struct Refusal: Error, Equatable {
        let message: String
    }

    /// The message ids the function listed, or why the response fails the batch.
    static func parse(_ payload: [UInt8], batch: Set<String>) -> Result<Set<String>, Refusal> {
        guard !payload.allSatisfy(Self.isWhitespace) else { return .success([]) }
        let response: JSONValue
        do {
            response = try JSONParser.parse(payload)
        } catch {
            return .failure(Refusal(message: "the response is not valid JSON: \(error.description)"))
        }
        switch response {
        case .null:
            return .success([])
        case .object(let members):
            switch members["batchItemFailures"] {
            case nil, .null?:
                return .success([])
            case .array(let items)?:
                return identifiers(items, batch: batch)
            case let other?:
                return .failure(Refusal(message: "batchItemFailures is \(describe(other)), not a list"))
            }
        default:
            return .failure(Refusal(message: "the response is \(describe(response)), not an object with batchItemFailures"))
        }
    }

    private static func identifiers(_ items: [JSONValue], batch: Set<String>) -> Result<Set<String>, Refusal> {
        var failed: Set<String> = []
        for (index, item) in items.enumerated() {
            guard case .object(let members) = item else {
                return .failure(Refusal(message: "batchItemFailures[\(index)] is \(describe(item)), not an object"))
            }
            switch members["itemIdentifier"] {
            case nil:
                let keys = members.keys.sorted().joined(separator: ", ")
                return .failure(Refusal(message: "batchItemFailures[\(index)] has no itemIdentifier (keys: \(keys))"))
            case .null?:
                return .failure(Refusal(message: "batchItemFailures[\(index)].itemIdentifier is null"))
            case .string(let identifier)? where identifier.isEmpty:
                return .failure(Refusal(message: "batchItemFailures[\(index)].itemIdentifier is empty"))
            case .string(let identifier)?:
                guard batch.contains(identifier) else {
                    return .failure(Refusal(message: "batchItemFailures[\(index)].itemIdentifier \"\(identifier)\" is not a message of this batch"))
                }
                failed.insert(identifier)
            case let other?:
                return .failure(Refusal(message: "batchItemFailures[\(index)].itemIdentifier is \(describe(other)), not a message id"))
            }
        }
        return .success(failed)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
