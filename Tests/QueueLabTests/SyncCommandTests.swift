import Foundation
import TestSupport
import Testing

/// `queuelab sync` (the built binary) refuses bad input in one line before anything starts.
@Suite("queuelab sync refuses bad input before it starts")
struct SyncCommandTests {
    @Test("a bad integration, --set or --records fails with the reason, and nothing is created", arguments: [
        (["scaling-tset"], "no integration named 'scaling-tset'; did you mean \"scaling-test\"?"),
        (["scaling-test", "--set", "maxWorker=10"], "unknown key 'maxWorker'; did you mean 'maxWorkers'?"),
        (["scaling-test", "--set", "crm.rateLimt=2/s"], "did you mean \"rateLimit\"?"),
        (["scaling-test", "--set", "provisioned=60"], "queueConfig.provisioned: 60 exceeds maxWorkers 50"),
        (["scaling-test", "--records", "1000000"], "records '1000000': expected a whole number from 0 to 999999"),
    ])
    func refused(_ arguments: [String], _ message: String) async throws {
        let directory = TestPaths.temporaryDirectory()
        let state = directory + "/run"
        let output = try await ClientProcess.run(TestPaths.queuelab, ["sync"] + arguments + ["--state", state], in: TestPaths.packageRoot)
        #expect(output.status != 0)
        #expect(output.standardError.contains(message), "\(output.standardError)")
        #expect(!FileManager.default.fileExists(atPath: state), "nothing starts")
    }
}
