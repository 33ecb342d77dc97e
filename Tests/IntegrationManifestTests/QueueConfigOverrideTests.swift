import Foundation
import Testing

@testable import IntegrationManifest

/// `generate(integration:queueConfig:)`: a run's own queueConfig values (`queuelab sync --set`),
/// validated exactly as the file's own.
struct QueueConfigOverrideTests {
    private let generator = ManifestGenerator(root: PackageRoot.url)

    private func worker(_ overrides: [String: Int]) throws -> ServerlessFunction? {
        let generated = try generator.generate(integration: "scaling-test", queueConfig: overrides)
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: Data(generated.text.utf8))
        #expect(manifest.functions.keys.sorted() == ["scalingTestQueueWorker", "scalingTestWebhook"])
        return manifest.functions["scalingTestQueueWorker"]
    }

    @Test func setValuesReplaceTheFilesAndTheRestStay() throws {
        let function = try #require(try worker(["maxWorkers": 30, "batchSize": 5]))
        #expect(function.reservedConcurrency == 30)
        #expect(function.provisionedConcurrency == 20)
        #expect(function.sqsEvents.first?.batchSize == 5)
    }

    /// The diagnostics of a refused generation, in one string.
    private func refusal(_ overrides: [String: Int]) -> String {
        do {
            _ = try generator.generate(integration: "scaling-test", queueConfig: overrides)
            return "accepted"
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test func setValuesAreValidatedLikeTheFilesOwn() {
        #expect(refusal(["maxWorker": 10]).contains("did you mean \"maxWorkers\""), "\(refusal(["maxWorker": 10]))")
        // The file's provisioned 20 is now above maxWorkers.
        #expect(refusal(["maxWorkers": 10]).contains("20 exceeds maxWorkers 10"), "\(refusal(["maxWorkers": 10]))")
    }

    @Test func otherIntegrationsKeepTheirFiles() throws {
        let generated = try generator.generate(queueConfig: ["maxWorkers": 10])
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: Data(generated.text.utf8))
        #expect(manifest.functions["scalingTestQueueWorker"]?.reservedConcurrency == 50)
    }
}
