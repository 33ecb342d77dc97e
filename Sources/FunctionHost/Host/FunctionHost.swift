import Foundation
import NIOPosix
import Logging
import Primitives
import ServerSupport
import ServiceLifecycle

/// Runs functions as Lambda execution environments with Lambda's concurrency, timeout and
/// memory rules. Run it as a `Service`; invoke functions in-process with `invoke(function:payload:)`
/// or over HTTP through `InvokeAPIServer`.
public actor FunctionHost: Service {
    public nonisolated let configuration: FunctionHostConfiguration
    /// The functions this host runs, by name.
    public nonisolated let functions: [String: FunctionConfiguration]
    /// The one event loop the Invoke API and every Runtime API listener serve on, with their
    /// request handling: the warm path never crosses a thread inside the host.
    nonisolated let executor: EventLoopTaskExecutor

    enum State {
        case created
        case provisioning
        case ready
        case stopping
    }

    enum HostTask: Sendable {
        case runEnvironment(ExecutionEnvironment, function: String)
        case invokeEvent(AsyncEvent)
    }

    /// An asynchronous invocation Lambda has accepted (answered 202) and still owes a run.
    struct AsyncEvent: Sendable {
        let function: String
        let payload: [UInt8]
        let requestID: String
        let queuedAt: ContinuousClock.Instant
    }

    var state = State.created
    var ledger: ConcurrencyLedger
    var pools: [String: EnvironmentPool<ExecutionEnvironment>] = [:]
    var activity: [String: FunctionActivity] = [:]
    let settings: [String: ExecutionEnvironment.Settings]
    let logs: [String: FunctionLog]
    private let memoryLimiter: MemoryLimiter
    private let tasks: AsyncStream<HostTask>
    let taskContinuation: AsyncStream<HostTask>.Continuation
    /// Invocations for the observer, handed over off the invocation's path.
    private let observations: AsyncStream<InvocationObservation>
    let observationContinuation: AsyncStream<InvocationObservation>.Continuation
    private var readinessWaiters: [CheckedContinuation<Result<Void, FunctionHostError>, Never>] = []
    private var readiness: Result<Void, FunctionHostError>?
    private var environmentCount = 0
    private let logger = Logger(label: "queuelab.function-host")

    /// Validates every function and resolves its runtime; nothing starts until `run()`.
    public init(functions: [FunctionConfiguration], configuration: FunctionHostConfiguration) throws(FunctionHostError) {
        var byName: [String: FunctionConfiguration] = [:]
        var settings: [String: ExecutionEnvironment.Settings] = [:]
        var logs: [String: FunctionLog] = [:]
        let executor = EventLoopTaskExecutor(MultiThreadedEventLoopGroup.singleton.next())
        for function in functions {
            guard byName[function.name] == nil else { throw .duplicateFunction(function.name) }
            try Self.validate(function)
            byName[function.name] = function
            settings[function.name] = ExecutionEnvironment.Settings(
                function: function, command: try RuntimeCommand.resolve(function, host: configuration),
                initLimits: InitPhaseLimits(onDemand: configuration.initTimeout, provisioned: configuration.provisionedInitTimeout),
                functionARN: configuration.functionARN(function.name), region: configuration.region,
                sqsEndpointURL: configuration.sqsEndpointURL, sharedEnvironment: configuration.sharedEnvironment,
                executor: executor)
            logs[function.name] = try FunctionLog(
                functionName: function.name, directory: configuration.stateDirectory + "/logs", echo: configuration.echoSink)
        }
        self.configuration = configuration
        self.functions = byName
        self.executor = executor
        self.settings = settings
        self.logs = logs
        ledger = ConcurrencyLedger(
            reserved: byName.compactMapValues(\.reservedConcurrency),
            unreservedLimit: configuration.unreservedConcurrencyLimit)
        memoryLimiter = MemoryLimiter.detect()
        (tasks, taskContinuation) = AsyncStream.makeStream(of: HostTask.self)
        (observations, observationContinuation) = AsyncStream.makeStream(of: InvocationObservation.self)
    }

    private static func validate(_ function: FunctionConfiguration) throws(FunctionHostError) {
        func check(_ valid: Bool, _ key: String, _ value: String, _ allowed: String) throws(FunctionHostError) {
            if !valid { throw .invalidSetting(function: function.name, key: key, value: value, allowed: allowed) }
        }
        try check((128...10_240).contains(function.memorySize), "memorySize", "\(function.memorySize)", "128–10240 MB")
        try check((1...900).contains(function.timeout), "timeout", "\(function.timeout)", "1–900 seconds")
        if let reserved = function.reservedConcurrency {
            try check(reserved >= 0, "reservedConcurrency", "\(reserved)", "0 or more")
        }
        try check(
            function.provisionedConcurrency >= 0 && function.provisionedConcurrency <= (function.reservedConcurrency ?? .max),
            "provisionedConcurrency", "\(function.provisionedConcurrency)", "0 up to reservedConcurrency")
        let async = function.asyncInvoke
        try check((0...2).contains(async.maximumRetryAttempts), "maximumRetryAttempts", "\(async.maximumRetryAttempts)", "0–2")
        try check((60...21_600).contains(async.maximumEventAge), "maximumEventAge", "\(async.maximumEventAge)", "60–21600 seconds")
    }

    /// How memory limits are enforced on this machine (cgroup v1, v2, or an rlimit).
    public nonisolated var memoryLimitMechanism: String {
        switch memoryLimiter.mechanism {
        case .cgroupV1: "cgroup v1"
        case .cgroupV2: "cgroup v2"
        case .rlimit: "rlimit"
        }
    }

    // MARK: Service

    /// Starts provisioned environments, serves invocations, reaps idle environments, and, once
    /// `shutDown()` is called or the task is cancelled, stops every process before returning.
    /// It does not stop on graceful shutdown by itself: its callers (the Invoke API, event source
    /// mappings) finish their invocations first and then call `shutDown()`.
    public func run() async throws {
        state = .provisioning
        await withDiscardingTaskGroup { group in
            var provisioned: [(String, ExecutionEnvironment)] = []
            for function in functions.values.sorted(by: { $0.name < $1.name }) {
                for _ in 0..<function.provisionedConcurrency {
                    let environment = makeEnvironment(function.name, kind: .provisioned, available: true)
                    provisioned.append((function.name, environment))
                    group.addTask { await self.runEnvironment(environment, function: function.name) }
                }
            }
            group.addTask { await self.awaitProvisioning(provisioned) }
            group.addTask { await self.reapIdleEnvironments() }
            group.addTask { await self.forwardObservations() }
            await withDiscardingTaskGroup { events in
                await withTaskCancellationHandler {
                    for await task in tasks {
                        switch task {
                        case .runEnvironment(let environment, let function):
                            group.addTask { await self.runEnvironment(environment, function: function) }
                        case .invokeEvent(let event):
                            events.addTask { await self.runAsynchronously(event) }
                        }
                    }
                } onCancel: {
                    self.taskContinuation.finish()
                }
                await stopEnvironments()
                // Asynchronous events waiting for a retry end here: like Lambda's queue of
                // events they live in the host, but only in memory.
                events.cancelAll()
            }
        }
        // As an environment's cgroup (see `ExecutionEnvironment.run()`), off the cooperative threads.
        await DedicatedThread.run { [memoryLimiter] in memoryLimiter.removeHostGroup() }
        for log in logs.values { log.close() }
    }

    /// Stops the host: no new invocations; running ones end with their environments.
    public nonisolated func shutDown() {
        taskContinuation.finish()
    }

    private func forwardObservations() async {
        for await observation in observations {
            await configuration.invocationObserver?(observation)
        }
    }

    /// Returns once every provisioned environment has initialised; throws if one failed or the
    /// host stopped first.
    public func waitUntilReady() async throws(FunctionHostError) {
        let result: Result<Void, FunctionHostError>
        if let readiness {
            result = readiness
        } else {
            result = await withCheckedContinuation { readinessWaiters.append($0) }
        }
        try result.get()
    }

    private func awaitProvisioning(_ environments: [(String, ExecutionEnvironment)]) async {
        var outcome: Result<Void, FunctionHostError> = .success(())
        for (function, environment) in environments {
            if let failure = await environment.waitUntilInitialised() {
                let detail = String(decoding: failure.payload(requestID: "provisioning"), as: UTF8.self)
                outcome = .failure(.provisioningFailed(function: function, detail: detail))
                break
            }
        }
        if state == .stopping, case .success = outcome { outcome = .failure(.stopped) }
        if state == .provisioning, case .success = outcome { state = .ready }
        settleReadiness(outcome)
    }

    private func settleReadiness(_ outcome: Result<Void, FunctionHostError>) {
        guard readiness == nil else { return }
        readiness = outcome
        for waiter in readinessWaiters { waiter.resume(returning: outcome) }
        readinessWaiters.removeAll()
    }

    private func stopEnvironments() async {
        state = .stopping
        observationContinuation.finish()
        settleReadiness(.failure(.stopped))
        for pool in pools.values {
            for environment in pool.members { await environment.shutDown() }
        }
    }

    // MARK: Environments

    func makeEnvironment(_ function: String, kind: ExecutionEnvironment.Kind, available: Bool) -> ExecutionEnvironment {
        environmentCount += 1
        let id = Self.logStreamName(sequence: environmentCount)
        let environment = ExecutionEnvironment(
            id: id, kind: kind, settings: settings[function]!,
            memory: memoryLimiter.limit(environmentID: "\(function)-\(environmentCount)", megabytes: functions[function]!.memorySize),
            log: logs[function]!)
        pools[function, default: EnvironmentPool()].add(
            environment, provisioned: kind == .provisioned, available: available, at: .now)
        return environment
    }

    /// Starts an environment's lifetime inside `run()`'s task group.
    func launch(_ environment: ExecutionEnvironment, function: String) {
        taskContinuation.yield(.runEnvironment(environment, function: function))
    }

    private func runEnvironment(_ environment: ExecutionEnvironment, function: String) async {
        await environment.run()
        let wasProvisioned = pools[function]?.remove(environment)
        // Provisioned concurrency is kept at its level, as Lambda re-provisions a lost environment.
        if wasProvisioned == true, state == .ready {
            launch(makeEnvironment(function, kind: .provisioned, available: true), function: function)
        }
    }

    private func reapIdleEnvironments() async {
        let interval = max(min(configuration.idleReapTime / 2, .seconds(1)), .milliseconds(10))
        while state != .stopping {
            // Cancelled (the host's task group is being torn down): stop, rather than spin on a
            // sleep that now returns at once.
            do { try await Task.sleep(for: interval) } catch { return }
            let cutoff = ContinuousClock.now - configuration.idleReapTime
            for function in pools.keys {
                for environment in pools[function]!.takeIdle(since: cutoff) { await environment.shutDown() }
            }
        }
    }

    private static func logStreamName(sequence: Int) -> String {
        let date = FunctionLog.timestamp().prefix(10).replacingOccurrences(of: "-", with: "/")
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return "\(date)/[$LATEST]\(suffix)"
    }
}
