import Foundation
import StrictJSON
import Testing

@testable import IntegrationManifest

/// `queuelab tune --apply`: only the queueConfig lines of an integration.json change.
struct QueueConfigEditorTests {
    static let file = """
        {
          "personObjectTypes": [
            { "crmObjectName": "MockPerson", "quoContactType": "contact" }
          ],
          "syncConfig": {
            "reverseChronological": true,
            "initialBatchSize": 200
          },
          "queueConfig": {
            "maxWorkers": 50,
            "provisioned": 20
          },
          "runtime": "provided.al2023"
        }

        """

    @Test func setsExistingAndNewKeysAndChangesNothingElse() throws {
        let updated = try QueueConfigEditor(text: Self.file).setting(["maxWorkers": 25, "batchSize": 5])
        #expect(updated == Self.file.replacingOccurrences(
            of: "\"maxWorkers\": 50,\n    \"provisioned\": 20\n", with: "\"maxWorkers\": 25,\n    \"provisioned\": 20,\n    \"batchSize\": 5\n"), "\(updated)")
        guard case .object(let members) = try JSONParser.parse(Array(updated.utf8)), case .object(let queueConfig) = members["queueConfig"] else {
            Issue.record("not an object: \(updated)")
            return
        }
        #expect(queueConfig == ["maxWorkers": .integer(25), "provisioned": .integer(20), "batchSize": .integer(5)])
    }

    @Test func addsAQueueConfigToAFileWithoutOne() throws {
        let file = "{\n  \"personObjectTypes\": []\n}\n"
        #expect(try QueueConfigEditor(text: file).setting(["maxWorkers": 5]) == "{\n  \"personObjectTypes\": [],\n  \"queueConfig\": {\n    \"maxWorkers\": 5\n  }\n}\n")
    }

    @Test func theSnippetIsTheQueueConfigWithTheValues() throws {
        let snippet = try ManifestGenerator(root: PackageRoot.url).queueConfigSnippet(integration: "scaling-test", values: ["maxWorkers": 25])
        #expect(snippet == "\"queueConfig\": {\n  \"maxWorkers\": 25,\n  \"provisioned\": 20\n}")
    }
}
