import Foundation
import QueueStore

/// `MaxResults`/`NextToken` paging over names in order: the token is the last name returned.
struct Page {
    var maxResults: Int?
    var after: String?

    init(_ input: AWSInput) throws(SQSError) {
        maxResults = try input.optionalInteger("MaxResults")
        if let maxResults, !(1...1000).contains(maxResults) {
            throw .invalidParameter("MaxResults", String(maxResults), reason: "MaxResults must be an integer between 1 and 1000.")
        }
        if let token = try input.optionalString("NextToken") {
            guard let data = Data(base64Encoded: token), let name = String(data: data, encoding: .utf8) else {
                throw .invalidParameter("NextToken", token, reason: "Invalid NextToken value.")
            }
            after = name
        }
    }

    /// One more than the page so the result knows whether another page follows.
    var fetchLimit: Int { (maxResults ?? 1000) + 1 }

    func result(_ names: [String], member: String, url: (String) -> AWSValue) -> AWSValue {
        let limit = maxResults ?? 1000
        var members: [String: AWSValue] = [member: .list(names.prefix(limit).map(url))]
        if names.count > limit, maxResults != nil, let last = names.prefix(limit).last {
            members["NextToken"] = .string(Data(last.utf8).base64EncodedString())
        }
        return .map(members)
    }
}
