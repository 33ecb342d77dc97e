import Foundation

/// Where the package, its venv and the built products (fixture handlers, `queuelab`) are,
/// whatever scratch path the build used: products sit next to the test bundle.
public enum TestPaths {
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static let productsDirectory: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("ProbeHandler").path) { return url.path }
        }
        fatalError("fixture handlers not built next to \(CommandLine.arguments[0]); run `swift build --build-tests` first")
    }()

    public static var queuelab: String { productsDirectory + "/queuelab" }
    public static var python: String { packageRoot + "/.venv/bin/python" }
    public static var aws: String { packageRoot + "/.venv/bin/aws" }
    public static var pythonFixtures: String { packageRoot + "/Tests/Fixtures/python" }

    /// A scenario script of the SQS endpoint's tests, under `Tests/clients/sqs`.
    public static func sqsClientScript(_ name: String) -> String {
        packageRoot + "/Tests/clients/sqs/" + name
    }

    /// A new, empty folder under the system's temporary directory.
    public static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "queuelab-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
