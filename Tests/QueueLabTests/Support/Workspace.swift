import EventSourceMapping
import Foundation
import FunctionHost
import QueueLab
import QueueStore
import TestSupport
import Testing

/// One end-to-end test's folder: the manifest, the state file, the function logs, the workers'
/// journals and the file that releases `hold` messages.
struct Workspace: Sendable {
    let directory: String

    init() {
        directory = TestPaths.temporaryDirectory()
    }

    var statePath: String { directory + "/state.sqlite" }
    var releasePath: String { directory + "/release" }
    func journalPath(_ function: String) -> String { directory + "/\(function).journal" }
    func startsPath(_ function: String) -> String { directory + "/\(function).starts" }

    /// Lets every `hold` message finish.
    func release() {
        _ = FileManager.default.createFile(atPath: releasePath, contents: nil)
    }

    /// The invocations of `function` that ended, in the order they ended.
    func journal(_ function: String) throws -> [JournalEntry] {
        try WorkerJournal.read(journalPath(function))
    }

    /// The invocations of `function` that started, in the order they started.
    func starts(_ function: String) throws -> [StartEntry] {
        try WorkerJournal.read(startsPath(function), as: StartEntry.self)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The settings every end-to-end test runs with: the built handler products and the venv's
    /// Python, quiet logs, and time compressed (1 s long polls, throttled batches offered again
    /// after 50–200 ms, asynchronous retries after 100 and 200 ms).
    static func compressTime(_ configuration: inout RuntimeConfiguration) {
        configuration.executableSearchPaths = [TestPaths.productsDirectory]
        configuration.pythonExecutable = TestPaths.python
        configuration.echoLogs = false
        configuration.mappingSettings.rates.longPollWait = .seconds(1)
        configuration.mappingSettings.rates.throttleRetryInitial = .milliseconds(50)
        configuration.mappingSettings.rates.throttleRetryMaximum = .milliseconds(200)
        configuration.asyncRetryTimings = AsyncRetryTimings(
            afterFunctionError: .milliseconds(100), afterThrottleInitial: .milliseconds(50), afterThrottleMaximum: .milliseconds(200))
    }
}

extension RunningRuntime {
    /// Runs `manifest` on the real runtime in `workspace` (a fresh one, removed afterwards, when
    /// nil), with `Workspace.compressTime` and then `configure` applied.
    static func with<T: Sendable>(
        _ manifest: TestManifest, in workspace: Workspace? = nil, configure: (inout RuntimeConfiguration) -> Void = { _ in },
        _ body: @Sendable (RunningRuntime, Workspace) async throws -> T
    ) async throws -> T {
        let used = workspace ?? Workspace()
        defer { if workspace == nil { used.remove() } }
        if manifest.usesPython {
            let worker = used.directory + "/worker.py"
            if !FileManager.default.fileExists(atPath: worker) {
                try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/examples/python/worker.py", toPath: worker)
            }
        }
        return try await with(manifest: try manifest.text(in: used), statePath: used.statePath) { configuration in
            Workspace.compressTime(&configuration)
            configure(&configuration)
        } _: { runtime in
            // Held handlers never outlive the test, even when it fails: shutdown waits for them.
            defer { used.release() }
            return try await body(runtime, used)
        }
    }

    /// Waits until `queue` holds no message, visible or not: each was deleted (its attempt
    /// settled in the same transaction) or dead-lettered.
    func waitUntilEmpty(_ queue: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await waitUntil("\(queue) empty", sourceLocation: sourceLocation) {
            try await store.storedMessages(inQueue: queue).isEmpty
        }
    }
}
