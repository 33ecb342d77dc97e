import ArgumentParser
import Foundation
import IntegrationManifest

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Turns functions/*/integration.json into serverless.json, validated against AWS's limits.",
        discussion: """
            Without --out, the JSON manifest of all integrations goes to serverless.json at the root; \
            one integration's manifest, YAML and CloudFormation go to standard output. \
            Nothing is written when any definition has an error.
            """
    )

    @Option(help: "Generate only this integration's manifest.")
    var integration: String?

    @Option(help: "json (serverless.json), yaml (serverless.yml style) or cloudformation (plain template).")
    var format: ManifestFormat = .json

    @Option(help: "Write to this file (relative to --root) instead of the default destination.")
    var out: String?

    @Flag(help: "Write nothing; exit non-zero with a diff summary if the file is not what the definitions produce.")
    var check = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "The package root holding functions/.")
    var root = "."

    func run() throws {
        let generator = ManifestGenerator(root: URL(fileURLWithPath: root))
        let destination = out ?? generator.defaultDestination(format: format, integration: integration)
        if check, destination == nil {
            throw ValidationError("--check compares with a file; add --out FILE")
        }
        do throws(ManifestError) {
            let manifest = try generator.generate(format: format, integration: integration, strict: strict)
            for warning in manifest.warnings {
                printError("warning: \(warning)")
            }
            guard let destination else {
                print(manifest.text, terminator: "")
                return
            }
            if check {
                try generator.check(manifest, against: destination)
                printError("\(destination) is up to date")
            } else {
                try generator.write(manifest, to: destination)
                printError("wrote \(destination)")
            }
        } catch {
            for diagnostic in error.diagnostics {
                printError("error: \(diagnostic)")
            }
            printError("error: \(error.message)")
            throw ExitCode.failure
        }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension ManifestFormat: ExpressibleByArgument {}
