import Foundation
import QueueStore

/// The rules every *Batch action applies to its entries before looking at any of them.
struct BatchEnvelope {
    static let maximumEntries = 10
    static let maximumPayloadBytes = 1_048_576

    let entries: [AWSInput]
    let ids: [String]

    init(_ input: AWSInput, entryName: String) throws(SQSError) {
        guard let listed = input.members["Entries"], listed != .null else { throw .missingParameter("Entries") }
        entries = try input.entries("Entries")
        guard !entries.isEmpty else {
            throw SQSError(.emptyBatchRequest, "There should be at least one \(entryName) in the request.")
        }
        guard entries.count <= Self.maximumEntries else {
            throw SQSError(.tooManyEntriesInBatchRequest, "Maximum number of entries per request are \(Self.maximumEntries). You have sent \(entries.count).")
        }
        ids = try entries.map { entry throws(SQSError) in try entry.string("Id") }
        for id in ids where !Self.isValidId(id) {
            throw SQSError(.invalidBatchEntryId, "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")
        }
        var seen: Set<String> = []
        for id in ids where !seen.insert(id).inserted {
            throw SQSError(.batchEntryIdsNotDistinct, "Id \(id) repeated.")
        }
    }

    static func isValidId(_ id: String) -> Bool {
        (1...80).contains(id.count) && id.unicodeScalars.allSatisfy {
            ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" || $0 == "_"
        }
    }

    /// Successful and failed entries in the shape every batch result uses.
    func result<Success>(_ outcomes: [Result<Success, SQSError>], success: (String, Success) -> AWSValue) -> AWSValue {
        var successful: [AWSValue] = []
        var failed: [AWSValue] = []
        for (id, outcome) in zip(ids, outcomes) {
            switch outcome {
            case .success(let value): successful.append(success(id, value))
            case .failure(let error):
                failed.append(.map([
                    "Id": .string(id), "SenderFault": .boolean(error.isSenderFault),
                    "Code": .string(error.queryCode), "Message": .string(error.message),
                ]))
            }
        }
        return .map(["Successful": .list(successful), "Failed": .list(failed)])
    }
}
