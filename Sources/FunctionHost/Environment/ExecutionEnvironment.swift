import Foundation
import Logging

/// One execution environment: a runtime process, its own Runtime API listener, its memory
/// limit and its log. Serves one invocation at a time.
actor ExecutionEnvironment {
    enum Kind: Sendable {
        case provisioned
        case onDemand
    }

    struct Settings: Sendable {
        let function: FunctionConfiguration
        let command: RuntimeCommand
        let functionARN: String
        let region: String
        let sqsEndpointURL: String?
        let executor: EventLoopTaskExecutor
    }

    typealias Poll = CheckedContinuation<Invocation?, Never>
    typealias Caller = CheckedContinuation<EnvironmentInvocationResult, Never>
    typealias Machine = EnvironmentStateMachine<Poll, Caller>

    nonisolated let id: String
    nonisolated let kind: Kind
    private let settings: Settings
    private let memory: EnvironmentMemory
    private let log: FunctionLog
    private var machine = Machine()
    private var process: EnvironmentProcess?
    private let launchedAt = ContinuousClock.now
    /// Set once the first `next` arrives; reported on the first invocation of an on-demand environment.
    private var initDuration: Duration?
    private var initDurationReported = false
    /// `nil` while initialising; then whether initialisation succeeded.
    private var initialisation: InvocationEnd??
    private var readinessWaiters: [CheckedContinuation<InvocationEnd?, Never>] = []
    private var deadlineWatches: [String: DeadlineWatch] = [:]
    private var running: RunningInvocation?
    private var output = OutputLineSplitter()

    private enum DeadlineWatch {
        case waiting(CheckedContinuation<ContinuousClock.Instant?, Never>)
        case delivered(ContinuousClock.Instant)
        case finished
    }

    private struct RunningInvocation {
        let requestID: String
        let startedAt: ContinuousClock.Instant
        var logLines: [String]
    }

    init(id: String, kind: Kind, settings: Settings, memory: EnvironmentMemory, log: FunctionLog) {
        self.id = id
        self.kind = kind
        self.settings = settings
        self.memory = memory
        self.log = log
    }

    // MARK: Lifetime

    /// Runs the environment until its process has ended (it exited, crashed, or was killed).
    func run() async {
        await withDiscardingTaskGroup { group in
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let server = RuntimeAPIServer(environment: self, executor: settings.executor) { port in
                portContinuation.yield(port)
                portContinuation.finish()
            }
            group.addTask {
                try? await server.run()
                portContinuation.finish()
            }
            var listeningPort: Int?
            for await port in ports {
                listeningPort = port
                break
            }
            guard let listeningPort, !machine.isDead else {
                perform(machine.processExited(.failedToLaunch("the Runtime API listener did not start")))
                group.cancelAll()
                return
            }
            let process: EnvironmentProcess
            do {
                process = try launch(runtimeAPIPort: listeningPort)
            } catch {
                perform(machine.processExited(.failedToLaunch("\(error)")))
                group.cancelAll()
                return
            }
            self.process = process
            group.addTask {
                for await _ in process.outputReadable { await self.drainOutput() }
            }
            // Cancellation kills the process rather than abandoning it: it is always waited for.
            var exit = await withTaskCancellationHandler {
                await process.waitForExit()
            } onCancel: {
                process.kill()
            }
            if exit == .signaled(SIGKILL), memory.wasKilledForMemory { exit = .outOfMemory }
            drainOutput()
            log.write(output.flush().map(attributed))
            perform(machine.processExited(exit))
            group.cancelAll()
        }
        memory.remove()
    }

    /// Waits for initialisation; returns how it failed, or `nil` once the runtime asked for work.
    func waitUntilInitialised() async -> InvocationEnd? {
        if let initialisation { return initialisation }
        return await withCheckedContinuation { readinessWaiters.append($0) }
    }

    /// Stops the environment (idle reaping or host shutdown).
    func shutDown() {
        perform(machine.shutDown())
    }

    private func launch(runtimeAPIPort: Int) throws -> EnvironmentProcess {
        let function = settings.function
        var environment = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "LANG"].contains($0.key) }
        environment.merge([
            "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
        ]) { inherited, _ in inherited }
        environment.merge([
            "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(runtimeAPIPort)",
            "AWS_LAMBDA_FUNCTION_NAME": function.name,
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memorySize),
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(function.name)",
            "AWS_LAMBDA_LOG_STREAM_NAME": id,
            "AWS_LAMBDA_INITIALIZATION_TYPE": kind == .provisioned ? "provisioned-concurrency" : "on-demand",
            "AWS_REGION": settings.region,
            "AWS_DEFAULT_REGION": settings.region,
            "AWS_EXECUTION_ENV": "AWS_Lambda_\(function.runtime)",
            "_HANDLER": function.handler,
            "LAMBDA_TASK_ROOT": function.codeDirectory,
            "TZ": ":UTC",
        ]) { _, lambda in lambda }
        if let sqs = settings.sqsEndpointURL { environment["AWS_ENDPOINT_URL_SQS"] = sqs }
        environment.merge(settings.command.environment) { _, runtime in runtime }
        environment.merge(function.environment) { _, declared in declared }
        let wrapped = memory.wrap(executable: settings.command.executable, arguments: settings.command.arguments)
        return try EnvironmentProcess(
            executable: wrapped.executable, arguments: wrapped.arguments, environment: environment,
            directory: function.codeDirectory)
    }

    // MARK: Invocations

    /// Runs one invocation here, killing the process if it outlives the function's timeout.
    func invoke(_ invocation: Invocation) async -> EnvironmentInvocationResult {
        await withTaskGroup(of: Void.self, returning: EnvironmentInvocationResult.self) { group in
            group.addTask { await self.enforceDeadline(of: invocation.requestID) }
            let result = await withCheckedContinuation { caller in
                perform(machine.assign(invocation, caller: caller))
            }
            group.cancelAll()
            return result
        }
    }

    private func enforceDeadline(of requestID: String) async {
        guard let deliveredAt = await waitForDelivery(of: requestID) else { return }
        let timeout = Duration.milliseconds(Int64(settings.function.timeout * 1000))
        do {
            try await Task.sleep(until: deliveredAt + timeout, clock: .continuous)
        } catch {
            return
        }
        perform(machine.deadlineReached(requestID: requestID, timeoutSeconds: settings.function.timeout))
    }

    private func waitForDelivery(of requestID: String) async -> ContinuousClock.Instant? {
        switch deadlineWatches.removeValue(forKey: requestID) {
        case .delivered(let instant): return instant
        case .finished: return nil
        case .waiting, nil:
            return await withCheckedContinuation { deadlineWatches[requestID] = .waiting($0) }
        }
    }

    // MARK: Runtime API

    func nextInvocation() async -> Invocation? {
        await withCheckedContinuation { poll in perform(machine.nextRequested(poll)) }
    }

    func postResponse(requestID: String, payload: [UInt8]) -> Machine.Rejection? {
        let isJSON = payload.isEmpty || (try? JSONSerialization.jsonObject(with: Data(payload), options: .fragmentsAllowed)) != nil
        return postResult(requestID: requestID, isJSON ? .response(payload) : .invalidResponse)
    }

    func postError(requestID: String, body: [UInt8]) -> Machine.Rejection? {
        postResult(requestID: requestID, .functionError(body: body))
    }

    func postInitError(body: [UInt8]) -> Machine.Rejection? {
        drainOutput()
        switch machine.initErrorPosted(body: body) {
        case .success(let actions):
            perform(actions)
            return nil
        case .failure(let rejection):
            return rejection
        }
    }

    private func postResult(requestID: String, _ end: InvocationEnd) -> Machine.Rejection? {
        drainOutput()
        switch machine.resultPosted(requestID: requestID, end) {
        case .success(let actions):
            perform(actions)
            return nil
        case .failure(let rejection):
            return rejection
        }
    }

    // MARK: Actions

    private func perform(_ actions: [Machine.Action]) {
        for action in actions {
            switch action {
            case .initialised:
                initDuration = .now - launchedAt
                finishInitialisation(nil)
            case .initialisationFailed(let end):
                finishInitialisation(end)
            case .deliver(var invocation, let poll):
                let now = ContinuousClock.now
                invocation.deadlineMilliseconds = Int64((Date().timeIntervalSince1970 + settings.function.timeout) * 1000)
                let startLine = InvocationReport.startLine(requestID: invocation.requestID)
                running = RunningInvocation(requestID: invocation.requestID, startedAt: now, logLines: [startLine])
                log.write([startLine])
                if case .waiting(let watcher) = deadlineWatches.removeValue(forKey: invocation.requestID) {
                    watcher.resume(returning: now)
                } else {
                    deadlineWatches[invocation.requestID] = .delivered(now)
                }
                poll.resume(returning: invocation)
            case .complete(let caller, let requestID, let end):
                caller.resume(returning: finishInvocation(requestID: requestID, end))
            case .rejectPoll(let poll):
                poll.resume(returning: nil)
            case .killProcess:
                process?.kill()
            }
        }
    }

    private func finishInitialisation(_ failure: InvocationEnd?) {
        initialisation = .some(failure)
        for waiter in readinessWaiters { waiter.resume(returning: failure) }
        readinessWaiters.removeAll()
    }

    private func finishInvocation(requestID: String, _ end: InvocationEnd) -> EnvironmentInvocationResult {
        if case .waiting(let watcher) = deadlineWatches.removeValue(forKey: requestID) {
            watcher.resume(returning: nil)
        } else {
            deadlineWatches[requestID] = .finished
        }
        guard end != .notDelivered else {
            return EnvironmentInvocationResult(requestID: requestID, end: end, report: nil, logLines: [])
        }
        let now = ContinuousClock.now
        // An invocation that never started (its init failed) is reported from now, with no output.
        var invocation = running.flatMap { $0.requestID == requestID ? $0 : nil }
            ?? RunningInvocation(requestID: requestID, startedAt: now, logLines: [])
        running = nil
        let reportsInit = kind == .onDemand && !initDurationReported
        if reportsInit { initDurationReported = true }
        let report = InvocationReport(
            requestID: requestID, duration: now - invocation.startedAt, memorySizeMB: settings.function.memorySize,
            maxMemoryUsedMB: process.map { memory.maxUsedMegabytes(pid: $0.pid) } ?? 0,
            initDuration: reportsInit ? (initDuration ?? now - launchedAt) : nil, status: end.reportStatus)
        var platformLines: [String] = []
        if case .timedOut(let seconds) = end {
            platformLines.append("\(FunctionLog.timestamp()) \(requestID) Task timed out after \(String(format: "%.2f", seconds)) seconds")
        }
        platformLines += [report.endLine, report.reportLine]
        log.write(platformLines)
        invocation.logLines += platformLines
        return EnvironmentInvocationResult(requestID: requestID, end: end, report: report, logLines: invocation.logLines)
    }

    // MARK: Output

    private func drainOutput() {
        guard let process, let bytes = process.readAvailableOutput() else { return }
        let lines = output.append(bytes)
        guard !lines.isEmpty else { return }
        running?.logLines += lines
        log.write(lines.map(attributed))
    }

    /// Tags a handler's line with the request it belongs to (`INIT` before the first one).
    private func attributed(_ line: String) -> String {
        "\(running?.requestID ?? "INIT")\t\(line)"
    }
}
