import Foundation

/// Where the package, its venv and the built products (fixture handlers, `queuelab`) are,
/// whatever scratch path the build used: products sit next to the test bundle.
enum TestPaths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static let productsDirectory: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("ProbeHandler").path) { return url.path }
        }
        fatalError("fixture handlers not built next to \(CommandLine.arguments[0]); run `swift build --build-tests` first")
    }()

    static var queuelab: String { productsDirectory + "/queuelab" }
    static var aws: String { packageRoot + "/.venv/bin/aws" }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "queuelab-runtime-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
