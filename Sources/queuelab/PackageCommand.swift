import ArgumentParser
import Foundation
import IntegrationManifest
import QueueLab

struct PackageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Build each provided.* handler of the manifest for Lambda: a static release build as `bootstrap` in a zip.",
        discussion: """
            Run it from the package root. Each zip goes to \(FunctionPackage.artifactPath(handler: "<handler>")), \
            the path `queuelab generate` writes as the function's package.artifact. The build refuses an executable \
            that needs a newer glibc than the target runtime has.
            """)

    @Option(name: .customLong("manifest"), help: "The serverless.json whose provided.* handlers to package.")
    var manifestPath = "serverless.json"

    @Option(name: .customLong("handler"), help: "Package this handler product instead of the manifest's (repeatable).")
    var handlers: [String] = []

    @Option(help: "The Lambda runtime the handlers are packaged for, when given with --handler.")
    var runtime = "provided.al2023"

    func run() async throws {
        let targets = handlers.isEmpty ? try manifestHandlers() : handlers.map { ($0, runtime) }
        let packager = LambdaPackager(packageRoot: FileManager.default.currentDirectoryPath)
        for (handler, runtime) in targets {
            print("packaging \(handler) for \(runtime) …")
            let zip = try await packager.package(handler: handler, runtime: runtime)
            print("wrote \(zip)")
        }
    }

    /// Each distinct `provided.*` handler the manifest names as a product (not a path).
    private func manifestHandlers() throws -> [(String, String)] {
        let plan = try ManifestPlan.load(file: manifestPath, accountId: "000000000000", region: "us-east-1", stage: nil)
        var seen: Set<String> = []
        return plan.configurations(sqsEndpoint: "").compactMap { function in
            guard function.runtime.hasPrefix("provided"), !function.handler.contains("/"), seen.insert(function.handler).inserted
            else { return nil }
            return (function.handler, function.runtime)
        }
    }
}
