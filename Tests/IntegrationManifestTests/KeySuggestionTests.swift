import Testing

@testable import IntegrationManifest

struct KeySuggestionTests {
    private let queueKeys = KeySuggestion(allowedKeys: ["maxWorkers", "provisioned", "batchSize", "timeout", "maxConcurrency"])

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(KeySuggestion.editDistance("kitten", "sitting") == 3)
        #expect(KeySuggestion.editDistance("", "abc") == 3)
        #expect(KeySuggestion.editDistance("same", "same") == 0)
    }

    @Test(arguments: [
        ("maxWorker", "maxWorkers"),
        ("batchsize", "batchSize"),
        ("timout", "timeout"),
        ("provisoned", "provisioned"),
        ("maxConcurency", "maxConcurrency"),
    ])
    func suggestsTheNearMiss(typo: String, intended: String) {
        #expect(queueKeys.suggestion(for: typo) == intended)
    }

    @Test func suggestsNothingForAnUnrelatedKey() {
        #expect(queueKeys.suggestion(for: "speed") == nil)
        #expect(queueKeys.suggestion(for: "retries") == nil)
    }
}
