import Foundation
import TestSupport
import Testing

@Suite("queuelab package: a handler as a Lambda zip")
struct PackageCommandTests {
    /// Extracts the zip with Python's zipfile, keeping each entry's Unix mode as Lambda does, and
    /// prints each entry's name and mode.
    private static let extract = """
        import json, os, sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as archive:
            entries = {}
            for info in archive.infolist():
                path = archive.extract(info, sys.argv[2])
                mode = info.external_attr >> 16
                os.chmod(path, mode & 0o7777)
                entries[info.filename] = mode
        print(json.dumps(entries))
        """

    @Test("the zip holds an executable bootstrap that needs no newer glibc than provided.al2023 and serves an invocation through the Runtime API")
    func bootstrapServesAnInvocation() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // `scripts/test` builds the handler first, so this build is normally a no-op; when it is
        // not (`swift test` alone), it runs at the lowest CPU priority beside the other tests.
        let packaged = try await ClientProcess.run(
            "/usr/bin/nice", ["-n", "19", TestPaths.queuelab, "package", "--handler", "NoopHandler"], in: TestPaths.packageRoot)
        #expect(packaged.status == 0, "\(packaged.standardOutput)\(packaged.standardError)")
        let zip = TestPaths.packageRoot + "/.build/lambda/NoopHandler/NoopHandler.zip"
        let extracted = try await ClientProcess.run(TestPaths.python, ["-c", Self.extract, zip, directory + "/code"])
        let entries = try JSONSerialization.jsonObject(with: Data(extracted.standardOutput.utf8)) as? [String: Int]
        #expect(entries == ["bootstrap": 0o100755], "one regular file, rwxr-xr-x")

        let manifest: [String: Any] = [
            "service": "packaged", "provider": ["name": "aws", "runtime": "provided.al2023"],
            "functions": ["packaged": ["handler": directory + "/code/bootstrap"]],
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: manifest), as: UTF8.self)
        try await RunningRuntime.with(manifest: text) { configuration in
            configuration.echoLogs = false
        } _: { runtime in
            let (cli, response) = try await runtime.invoke("packaged", payload: "{}")
            #expect(cli.status == 0, "\(cli.standardError)")
            #expect(response.isEmpty, "the no-op handler answers {}")
        }
    }
}
