import Foundation
import Primitives

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
        /// When its timeout ends, in milliseconds since the epoch (`Lambda-Runtime-Deadline-Ms`).
        let deadlineMilliseconds: Int64
        /// Whether START is written: when the runtime receives the invocation, which an init
        /// retried inside it precedes.
        var announced = false
        var logLines: [String] = []
    }

    nonisolated let id: String
    nonisolated let kind: Kind
    let settings: Settings
    let memory: EnvironmentMemory
    let log: FunctionLog
    var machine: Machine
    var process: EnvironmentProcess?
    var peakMemory: PeakMemoryGauge?
    /// When the current process was started (or, before that, the environment created).
    var launchedAt = ContinuousClock.now
    /// Whether `run()` starts another process once the current one has exited (an init retry).
    private var relaunchRequested = false
    /// Set once the first `next` arrives; reported on the first invocation of an on-demand environment.
    var initDuration: Duration?
    /// Whether the init's duration is reported already (on REPORT, or on an INIT_REPORT).
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
        machine = Machine(retriesTimedOutInit: kind == .onDemand)
    }

    // MARK: Lifetime

    /// Runs the environment until its process has ended (it exited, crashed, or was killed) and
    /// no init is to be retried.
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
            group.addTask { await self.watchDeadlines() }
            var process = launchProcess(runtimeAPIPort: listeningPort, in: &group)
            if process != nil { group.addTask { await self.watchInitialisation() } }
            while let current = process {
                relaunchRequested = false
                await waitUntilEnded(current)
                process = relaunchRequested ? launchProcess(runtimeAPIPort: listeningPort, in: &group) : nil
            }
            stopWatchingDeadlines()
            group.cancelAll()
        }
        // Removing a memory cgroup waits for the kernel's cgroup lock, which other hosts and every
        // runtime entering its cgroup take too: in the full suite, for up to a second and a half.
        await DedicatedThread.run { [memory] in memory.remove() }
    }

    /// Starts a runtime process and the task that drains its output.
    private func launchProcess(runtimeAPIPort: Int, in group: inout DiscardingTaskGroup) -> EnvironmentProcess? {
        let process: EnvironmentProcess
        do {
            launchedAt = .now
            process = try EnvironmentProcess(launching: settings, environmentID: id, kind: kind, memory: memory, runtimeAPIPort: runtimeAPIPort)
        } catch {
            perform(machine.processExited(.failedToLaunch("\(error)")))
            return nil
        }
        self.process = process
        peakMemory = memory.peakGauge(pid: process.pid)
        group.addTask {
            for await _ in process.outputReadable { await self.drainOutput() }
        }
        return process
    }

    /// Waits until the process has ended, and tells the machine how.
    private func waitUntilEnded(_ process: EnvironmentProcess) async {
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
            case .reportInit(let phase, let status):
                let line = InitReport(duration: .now - launchedAt, phase: phase, status: status).line
                log.write([line])
                running?.logLines.append(line)
                initDurationReported = true
            case .relaunch(let invocation):
                running = startInvocation(invocation.requestID)
                relaunchRequested = true
            case .deliver(var invocation, let poll):
                var started = running.flatMap { $0.requestID == invocation.requestID ? $0 : nil }
                    ?? startInvocation(invocation.requestID)
                invocation.deadlineMilliseconds = started.deadlineMilliseconds
                announce(&started)
                running = started
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

    /// An invocation starts, and its timeout with it.
    private func startInvocation(_ requestID: String) -> RunningInvocation {
        let now = ContinuousClock.now
        armDeadline(requestID: requestID, startedAt: now)
        return RunningInvocation(
            requestID: requestID, startedAt: now,
            deadlineMilliseconds: Int64((Date().timeIntervalSince1970 + settings.function.timeout) * 1000))
    }

    /// Writes the invocation's START line, once.
    func announce(_ invocation: inout RunningInvocation) {
        guard !invocation.announced else { return }
        let startLine = InvocationReport.startLine(requestID: invocation.requestID)
        log.write([startLine])
        invocation.logLines.append(startLine)
        invocation.announced = true
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
