import Foundation

/// Headless Chromium (Debian's `chromium`, installed by `scripts/bootstrap`), to see that a
/// generated page really renders: a screenshot of it, measured with `PNGStatistics`.
public enum Chromium {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let executable = "/usr/bin/chromium"

    /// Renders the HTML file at `htmlPath` in a `width`×`height` window and writes the screenshot
    /// to `pngPath`. Chromium runs under coreutils `timeout`, which kills its whole process group
    /// (browser, zygote, renderers) if it is not done after `timeout`; a missing Chromium, a
    /// timeout, a failure or a missing screenshot throws a `Failure` that says which.
    public static func screenshot(
        of htmlPath: String, to pngPath: String, width: Int = 1000, height: Int = 1400, timeout: Duration = .seconds(90)
    ) async throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(description: "Chromium is not installed (\(executable)); run scripts/bootstrap, which installs Debian's chromium")
        }
        let profile = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: profile) }
        try? FileManager.default.removeItem(atPath: pngPath)
        let output = try await ClientProcess.run("/usr/bin/timeout", [
            "--kill-after=5", "\(timeout.components.seconds)", executable,
            // No sandbox: tests may run as root in a container, where Chromium's sandbox cannot start.
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--disable-breakpad", "--force-device-scale-factor=1", "--user-data-dir=\(profile)",
            "--window-size=\(width),\(height)", "--screenshot=\(pngPath)", URL(fileURLWithPath: htmlPath).absoluteString,
        ])
        // D-Bus and GPU chatter is expected on a headless machine; show the end of it on failure.
        let errorTail = output.standardError.split(separator: "\n").suffix(8).joined(separator: "\n")
        switch output.status {
        case 0 where FileManager.default.fileExists(atPath: pngPath):
            return
        case 124, 137:
            throw Failure(description: "Chromium did not finish within \(timeout) and was killed:\n\(errorTail)")
        default:
            throw Failure(description: "Chromium exited with \(output.status) and wrote no screenshot at \(pngPath):\n\(errorTail)")
        }
    }
}
