import Foundation

enum TestFiles {
    /// A path for a new state file in a new folder.
    static func newDatabasePath() -> String {
        NSTemporaryDirectory() + "crmsync-tests-\(UUID().uuidString)/processes.sqlite"
    }

    /// The package root, above this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A product built next to the test bundle (`swift build --build-tests` builds it).
    static func product(_ name: String) -> String? {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
