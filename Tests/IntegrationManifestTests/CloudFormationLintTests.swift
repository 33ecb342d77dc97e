import Foundation
import TestSupport
import Testing

@testable import IntegrationManifest

/// Runs the real cfn-lint (from the venv `scripts/bootstrap` prepares) on the CloudFormation output.
struct CloudFormationLintTests {
    private static let integrations = ["pipedrive", "zoho-crm", "attio", "axiscare", "scaling-test"]

    @Test func cfnLintAcceptsEveryIntegrationAndAllTogether() async throws {
        let package = try TemporaryPackage()
        let generator = ManifestGenerator(root: PackageRoot.url)
        var files: [String] = []
        for integration in Self.integrations + [nil] {
            let file = "template-\(integration ?? "all").json"
            try package.write(try generator.generate(format: .cloudformation, integration: integration).text, to: file)
            files.append(file)
        }
        // A broken copy proves the linter really checks these files: an error must be reported for it alone.
        let broken = try generator.generate(format: .cloudformation, integration: "zoho-crm").text
            .replacingOccurrences(of: "\"MaximumConcurrency\" : 100", with: "\"MaximumConcurrency\" : 1")
        try package.write(broken, to: "broken.json")

        let result = try await runCFNLint(files + ["broken.json"], in: package.root)
        let reported = result.output.split(separator: "\n").filter { $0.contains(".json:") }
        #expect(reported.allSatisfy { $0.contains("broken.json") }, "cfn-lint findings:\n\(result.output)")
        #expect(result.output.contains("broken.json"), "cfn-lint did not flag MaximumConcurrency 1:\n\(result.output)")
        #expect(result.status & 2 != 0, "cfn-lint should exit with its error bit for broken.json")
    }

    private func runCFNLint(_ files: [String], in directory: URL) async throws -> (status: Int32, output: String) {
        let tool = PackageRoot.venvTool("cfn-lint")
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "run scripts/bootstrap to install cfn-lint")
        let result = try await ClientProcess.run(tool.path, ["--format", "parseable", "--"] + files, in: directory.path)
        return (result.status, result.standardOutput + result.standardError)
    }
}
