import Foundation

/// The QueueLab package root, found from this file's location so tests run from any directory.
enum PackageRoot {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // IntegrationManifestTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// A tool from the project venv that `scripts/bootstrap` creates.
    static func venvTool(_ name: String) -> URL {
        url.appendingPathComponent(".venv/bin").appendingPathComponent(name)
    }
}
