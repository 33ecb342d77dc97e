import Foundation

/// How much of a PNG is drawn, as `scripts/png-stats` (Python, standard library only) measures
/// it: enough to tell a rendered page from a blank one.
public struct PNGStatistics: Decodable, Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let width: Int
    public let height: Int
    public let distinctColours: Int
    /// The most common colour, as hex samples (`ffffff` for white RGB).
    public let background: String
    /// The share of pixels, 0 to 1, that differ from the background.
    public let nonBackgroundShare: Double

    /// Measures the PNG at `path` with the venv's Python.
    public static func measure(_ path: String) async throws -> PNGStatistics {
        let output = try await ClientProcess.run(TestPaths.python, [TestPaths.packageRoot + "/scripts/png-stats", path])
        guard output.status == 0 else {
            throw Failure(description: "png-stats could not read \(path) (status \(output.status)): \(output.standardError)")
        }
        return try JSONDecoder().decode(PNGStatistics.self, from: Data(output.standardOutput.utf8))
    }
}
