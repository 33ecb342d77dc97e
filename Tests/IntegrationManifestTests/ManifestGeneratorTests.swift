import Foundation
import Testing

@testable import IntegrationManifest

struct ManifestGeneratorTests {
    private let attio = #"{ "personObjectTypes": [{ "crmObjectName": "Person", "quoContactType": "contact" }], "queueConfig": { "maxWorkers": 30, "provisioned": 10 } }"#
    private let pipedrive = #"{ "personObjectTypes": [{ "crmObjectName": "Person", "quoContactType": "contact" }], "queueConfig": { "maxWorkers": 50, "maxConcurrency": 100 } }"#

    private func generationError(_ generate: () throws(ManifestError) -> GeneratedManifest) -> ManifestError? {
        do {
            _ = try generate()
            return nil
        } catch {
            return error
        }
    }

    @Test func writesNothingWhenAnyDefinitionHasAnError() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio, "pipedrive": #"{ "queueConfig": { "maxWorker": 5 } }"#])
        let generator = ManifestGenerator(root: package.root)
        let error = try #require(generationError { () throws(ManifestError) in try generator.generate() })
        #expect(error.code == .invalidDefinitions)
        #expect(error.message == "2 errors in the integration definitions; nothing written")
        #expect(error.diagnostics.map(\.code) == [.missingKey, .unknownKey])
        // Even one integration's manifest is refused while another definition is broken.
        #expect(generationError { () throws(ManifestError) in try generator.generate(integration: "attio") }?.code == .invalidDefinitions)
        #expect(package.read("serverless.json") == nil)
    }

    @Test func returnsWarningsWithTheManifest() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio, "pipedrive": pipedrive])
        let manifest = try ManifestGenerator(root: package.root).generate()
        #expect(manifest.warnings.map(\.code) == [.maxConcurrencyAboveMaxWorkers])
        #expect(manifest.warnings.first?.file == "functions/pipedrive/integration.json")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio, "pipedrive": pipedrive])
        let error = try #require(generationError { () throws(ManifestError) in
            try ManifestGenerator(root: package.root).generate(strict: true)
        })
        #expect(error.message == "1 error in the integration definitions (warnings count as errors with --strict); nothing written")
        #expect(error.diagnostics.map(\.severity) == [.error])
        #expect(error.diagnostics.map(\.code) == [.maxConcurrencyAboveMaxWorkers])
        // Another integration's warnings do not block the one asked for.
        #expect(try ManifestGenerator(root: package.root).generate(integration: "attio", strict: true).warnings.isEmpty)
    }

    @Test func generatesOneIntegrationOnRequest() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio, "pipedrive": pipedrive])
        let generated = try ManifestGenerator(root: package.root).generate(integration: "pipedrive")
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: Data(generated.text.utf8))
        #expect(Array(manifest.functions.keys) == ["pipedriveQueueWorker"])
        #expect(manifest.resources?.queues.keys.sorted() == ["PipedriveDLQ", "PipedriveQueue"])
        #expect(manifest.provider.environment == ["PIPEDRIVE_QUEUE_URL": .ref("PipedriveQueue")])
        #expect(generated.warnings.map(\.code) == [.maxConcurrencyAboveMaxWorkers])
    }

    @Test func namesTheIntegrationANearMissMeant() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio, "pipedrive": pipedrive])
        let generator = ManifestGenerator(root: package.root)
        #expect(generationError { () throws(ManifestError) in try generator.generate(integration: "pipedrve") }?.diagnostics.map(\.description) == [
            #"functions: no integration named "pipedrve"; did you mean "pipedrive"?"#
        ])
        #expect(generationError { () throws(ManifestError) in try generator.generate(integration: "salesforce") }?.diagnostics.map(\.description) == [
            #"functions: no integration named "salesforce"; known: attio, pipedrive"#
        ])
    }

    @Test func reportsAPackageWithoutDefinitions() throws {
        let package = try TemporaryPackage()
        let error = generationError { () throws(ManifestError) in try ManifestGenerator(root: package.root).generate() }
        #expect(error?.diagnostics.map(\.description) == [
            "functions: no integration.json found in any folder under \(package.root.appendingPathComponent("functions").path)"
        ])
    }

    @Test func reportsAnUnreadableDefinition() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio])
        // A folder where the file should be cannot be read as one.
        try FileManager.default.createDirectory(
            at: package.root.appendingPathComponent("functions/pipedrive/integration.json"), withIntermediateDirectories: true)
        let error = generationError { () throws(ManifestError) in try ManifestGenerator(root: package.root).generate() }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.code == .unreadableFile)
        #expect(diagnostic.description.hasPrefix("functions/pipedrive/integration.json: cannot be read: "))
    }

    @Test func writesTheDefaultDestinationAndChecksIt() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio])
        let generator = ManifestGenerator(root: package.root)
        #expect(generator.defaultDestination(format: .json, integration: nil) == "serverless.json")
        #expect(generator.defaultDestination(format: .json, integration: "attio") == nil)
        #expect(generator.defaultDestination(format: .yaml, integration: nil) == nil)
        #expect(generator.defaultDestination(format: .cloudformation, integration: nil) == nil)

        let manifest = try generator.generate()
        try generator.write(manifest, to: "serverless.json")
        #expect(package.read("serverless.json") == manifest.text)
        try generator.check(manifest, against: "serverless.json")
    }

    @Test func checkShowsWhatChangedWhenTheFileIsStale() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio])
        let generator = ManifestGenerator(root: package.root)
        let manifest = try generator.generate()
        try package.write(manifest.text.replacingOccurrences(of: "\"reservedConcurrency\" : 30", with: "\"reservedConcurrency\" : 3"), to: "serverless.json")
        do {
            try generator.check(manifest, against: "serverless.json")
            Issue.record("a stale manifest passed the check")
        } catch {
            #expect(error.code == .outOfDate)
            let lines = error.message.split(separator: "\n").map(String.init)
            #expect(lines.first == "serverless.json is not what the definitions produce (2 changed lines; - current, + expected):")
            #expect(lines.dropFirst().first?.hasPrefix("- ") == true)
            #expect(lines.dropFirst().first?.hasSuffix(#""reservedConcurrency" : 3,"#) == true)
            #expect(lines.dropFirst(2).first?.hasSuffix(#""reservedConcurrency" : 30,"#) == true)
            #expect(lines.last == "run queuelab generate to update it")
        }
    }

    @Test func checkReportsAMissingFile() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio])
        let generator = ManifestGenerator(root: package.root)
        #expect(throws: ManifestError(.outOfDate, "serverless.json does not exist; run queuelab generate to create it")) {
            try generator.check(try generator.generate(), against: "serverless.json")
        }
    }

    @Test func reportsAFailedWrite() throws {
        let package = try TemporaryPackage(definitions: ["attio": attio])
        let generator = ManifestGenerator(root: package.root)
        let manifest = try generator.generate()
        do {
            try generator.write(manifest, to: "missing-folder/serverless.json")
            Issue.record("writing into a missing folder succeeded")
        } catch {
            #expect(error.code == .writeFailed)
            #expect(error.message.hasPrefix("cannot write missing-folder/serverless.json: "))
        }
    }
}
