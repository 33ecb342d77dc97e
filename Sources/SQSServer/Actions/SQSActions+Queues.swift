import Foundation
import QueueStore

extension SQSActions {
    func createQueue(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let name = try input.string("QueueName")
        // CreateQueue's member is `tags` in JSON; the Query protocol's `Tag.N.Key` decodes to `Tags`.
        let tags = try input.stringMap("tags").merging(input.stringMap("Tags")) { json, _ in json }
        _ = try await store.createQueue(name: name, attributes: try input.stringMap("Attributes"),
                                        tags: tags, region: context.region)
        return .map(["QueueUrl": .string(queueURL(name, context))])
    }

    func deleteQueue(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        try await store.deleteQueue(named: try queueName(input, context))
        return nil
    }

    func getQueueUrl(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let name = try input.string("QueueName")
        if let owner = try input.optionalString("QueueOwnerAWSAccountId"), owner != store.accountId {
            throw SQSError.nonExistentQueue
        }
        _ = try await store.queue(named: name)
        return .map(["QueueUrl": .string(queueURL(name, context))])
    }

    func listQueues(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let page = try Page(input)
        let names = try await store.listQueueNames(prefix: try input.optionalString("QueueNamePrefix"),
                                                   after: page.after, limit: page.fetchLimit)
        // SQS leaves the member out rather than answer an empty list.
        guard !names.isEmpty else { return .map([:]) }
        return page.result(names, member: "QueueUrls") { .string(queueURL($0, context)) }
    }

    func listDeadLetterSourceQueues(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let page = try Page(input)
        let names = try await store.deadLetterSourceQueueNames(of: try queueName(input, context))
            .filter { page.after == nil || $0 > page.after! }
        return page.result(Array(names.prefix(page.fetchLimit)), member: "queueUrls") { .string(queueURL($0, context)) }
    }

    func getQueueAttributes(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let names = try input.stringList("AttributeNames")
        let values = try await store.attributes(ofQueue: try queueName(input, context), names: names)
        return values.isEmpty ? .map([:]) : .map(["Attributes": .stringMap(values)])
    }

    func setQueueAttributes(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        let attributes = try input.stringMap("Attributes")
        try await store.setAttributes(ofQueue: try queueName(input, context), attributes)
        return nil
    }

    func purgeQueue(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        try await store.purgeQueue(named: try queueName(input, context))
        return nil
    }

    func tagQueue(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        let tags = try input.stringMap("Tags")
        guard !tags.isEmpty else { throw .missingParameter("Tags") }
        try await store.tagQueue(named: try queueName(input, context), tags)
        return nil
    }

    func untagQueue(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        let keys = try input.stringList("TagKeys")
        guard !keys.isEmpty else { throw .missingParameter("TagKeys") }
        try await store.untagQueue(named: try queueName(input, context), keys: keys)
        return nil
    }

    func listQueueTags(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let tags = try await store.tags(ofQueue: try queueName(input, context))
        return tags.isEmpty ? .map([:]) : .map(["Tags": .stringMap(tags)])
    }

    func addPermission(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        try await store.addPermission(toQueue: try queueName(input, context), label: try input.string("Label"),
                                      accountIds: try input.stringList("AWSAccountIds"), actions: try input.stringList("Actions"))
        return nil
    }

    func removePermission(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        try await store.removePermission(fromQueue: try queueName(input, context), label: try input.string("Label"))
        return nil
    }
}
