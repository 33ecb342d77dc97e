import Foundation

/// One execution environment: a runtime process, its own Runtime API listener, its memory
/// limit and its log. Serves one invocation at a time.
actor ExecutionEnvironment {
    enum Kind: Sendable {
        case provisioned
        case onDemand
    }

    typealias Poll = CheckedContinuation<Invocation?, Never>
    typealias Caller = CheckedContinuation<EnvironmentInvocationResult, Never>
    typealias Machine = EnvironmentStateMachine<Poll, Caller>

    struct RunningInvocation {
        let requestID: String
        let startedAt: ContinuousClock.Instant
        var logLines: [String]
    }

    nonisolated let id: String
    nonisolated let kind: Kind
    let settings: Settings
    let memory: EnvironmentMemory
    let log: FunctionLog
    var machine = Machine()
    var process: EnvironmentProcess?
    var peakMemory: PeakMemoryGauge?
    let launchedAt = ContinuousClock.now
    /// Set once the first `next` arrives; reported on the first invocation of an on-demand environment.
    var initDuration: Duration?
    var initDurationReported = false
    /// `nil` while initialising; then whether initialisation succeeded.
    private var initialisation: InvocationEnd??
    private var readinessWaiters: [CheckedContinuation<InvocationEnd?, Never>] = []
    var deadlines = DeadlineSchedule<ContinuousClock.Instant>()
    /// The deadline watcher, while it waits for an invocation to start.
    var parkedWatcher: CheckedContinuation<Void, Never>?
    var running: RunningInvocation?
    private var output = OutputLineSplitter()

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
                process = try EnvironmentProcess(launching: settings, environmentID: id, kind: kind, memory: memory, runtimeAPIPort: listeningPort)
            } catch {
                perform(machine.processExited(.failedToLaunch("\(error)")))
                group.cancelAll()
                return
            }
            self.process = process
            peakMemory = memory.peakGauge(pid: process.pid)
            group.addTask {
                for await _ in process.outputReadable { await self.drainOutput() }
            }
            group.addTask { await self.watchDeadlines() }
            // Cancellation kills the process rather than abandoning it: it is always waited for.
            let end = await withTaskCancellationHandler {
                await process.waitForExit()
            } onCancel: {
                process.kill()
            }
            if let peak = end.peakResidentBytes { peakMemory?.processEnded(peakBytes: peak) }
            drainOutput()
            log.write(output.flush().map(attributed))
            perform(machine.processExited(memory.ranOutOfMemory(end) ? .outOfMemory : end.exit))
            stopWatchingDeadlines()
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

    // MARK: Invocations

    /// Runs one invocation here; the deadline watcher kills the process if it outlives the
    /// function's timeout.
    func invoke(_ invocation: Invocation) async -> EnvironmentInvocationResult {
        await withCheckedContinuation { caller in perform(machine.assign(invocation, caller: caller)) }
    }

    // MARK: Actions

    func perform(_ actions: [Machine.Action]) {
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
                armDeadline(requestID: invocation.requestID, startedAt: now)
                poll.resume(returning: invocation)
            case .complete(let caller, let requestID, let end):
                deadlines.disarm(requestID: requestID)
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

    // MARK: Output

    func drainOutput() {
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
