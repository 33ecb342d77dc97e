import Foundation

/// Where the package, its venv and the built fixture handlers are, whatever scratch path the
/// build used: fixtures sit next to the test bundle in the build's products folder.
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

    static var python: String { packageRoot + "/.venv/bin/python" }
    static var aws: String { packageRoot + "/.venv/bin/aws" }
    static var pythonFixtures: String { packageRoot + "/Tests/Fixtures/python" }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "queuelab-host-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
