import CRMSync
import Foundation
import TestSupport
import Testing

@testable import IntegrationManifest

/// `queuelab generate` writes what the `crm-sync` worker reads: each generated function's
/// environment, with the provider's queue URLs and what QueueLab adds, configures a worker.
@Suite("The generated manifest configures the crm-sync worker")
struct WorkerEnvironmentContractTests {
    @Test("every generated function's environment gives its integration, queue and syncConfig")
    func generatedEnvironment() throws {
        #expect(ServerlessManifestBuilder.integrationNameVariable == WorkerEnvironment.integrationVariable)
        #expect(ServerlessManifestBuilder.initialBatchSizeVariable == WorkerEnvironment.initialBatchSizeVariable)
        #expect(ServerlessManifestBuilder.ongoingBatchSizeVariable == WorkerEnvironment.ongoingBatchSizeVariable)
        #expect(ServerlessManifestBuilder.reverseChronologicalVariable == WorkerEnvironment.reverseChronologicalVariable)
        #expect(ServerlessManifestBuilder.maxReceiveCountVariable == WorkerEnvironment.maxReceiveCountVariable)
        let root = URL(fileURLWithPath: TestPaths.packageRoot)
        let report = DefinitionValidator().validate(DefinitionLoader(root: root).load().sources)
        let data = try Data(contentsOf: root.appendingPathComponent(ManifestGenerator.manifestFile))
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: data)
        // The provider's queue URLs are Refs; any URL stands for them here.
        var shared: [String: String] = ["CRM_MOCK_URL": "http://127.0.0.1:4010", "SYNC_STATE_DIR": "/tmp/state/sync"]
        for (name, value) in manifest.provider.environment ?? [:] {
            guard case .ref(let queue) = value else { continue }
            shared[name] = "http://127.0.0.1:9324/000000000000/\(queue)"
        }
        for (functionName, function) in manifest.functions {
            var variables = shared
            for (name, value) in function.environment ?? [:] {
                guard case .string(let text) = value else { continue }
                variables[name] = text
            }
            let environment = try WorkerEnvironment(variables)
            let definition = try #require(report.definitions.first { $0.name == environment.integration }, "\(functionName)")
            #expect(environment.settings == SyncSettings(
                reverseChronological: definition.syncConfig.reverseChronological, initialBatchSize: definition.syncConfig.initialBatchSize,
                ongoingBatchSize: definition.syncConfig.ongoingBatchSize), "\(functionName)")
            #expect(environment.maxReceiveCount == definition.queueConfig.maxReceiveCount, "\(functionName)")
            #expect(environment.crmURL == "http://127.0.0.1:4010/\(definition.name)")
            #expect(environment.quoURL == "http://127.0.0.1:4010/quo")
            #expect(environment.processDatabasePath == "/tmp/state/sync/\(definition.name).sqlite")
            #expect(try IntegrationCatalog.integrationType(named: environment.integration).name == definition.name)
        }
    }
}
