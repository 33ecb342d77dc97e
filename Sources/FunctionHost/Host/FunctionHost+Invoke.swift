import Foundation
import Primitives

extension FunctionHost {
    /// Lambda's limits on invoke payloads.
    public static let synchronousPayloadLimit = 6 * 1024 * 1024
    static let asynchronousPayloadLimit = 256 * 1024

    /// Runs `function` once and returns its result; a handler failure is a result with an
    /// `outcome` other than `.succeeded`. Throws when the invoke is refused (unknown function,
    /// throttled, bad payload) — the cases Lambda answers with an API error.
    public func invoke(
        function name: String, payload: [UInt8], options: InvokeOptions = InvokeOptions()
    ) async throws(InvokeError) -> InvocationResult {
        try checkInvoke(function: name, payload: payload, limit: Self.synchronousPayloadLimit)
        let startedAt = Date()
        if case .throttled(let reason) = ledger.admit(name) {
            activity[name, default: FunctionActivity()].recordThrottle()
            if options.observed { observe(name, options, startedAt: startedAt, result: nil, throttle: reason) }
            throw .throttled(reason)
        }
        defer { ledger.release(name) }
        let invocation = Invocation(
            requestID: options.requestID ?? Self.newRequestID(), payload: payload, functionARN: configuration.functionARN(name),
            traceID: options.traceID ?? Self.newTraceID(), clientContext: options.clientContext, cognitoIdentity: nil)
        // An invocation accepted by an environment that died before starting it runs on another.
        while state != .stopping {
            let environment = takeEnvironment(for: name)
            let end = await environment.invoke(invocation)
            if end.end.keepsEnvironment {
                pools[name]?.giveBack(environment, at: .now)
            } else {
                pools[name]?.remove(environment)
            }
            guard end.end != .notDelivered else { continue }
            let result = InvocationResult(end)
            activity[name, default: FunctionActivity()].record(result, endedAt: .now)
            if options.observed { observe(name, options, startedAt: startedAt, result: result, throttle: nil) }
            return result
        }
        throw .hostStopped
    }

    /// Queues an asynchronous (`Event`) invocation and returns its request id at once, as Lambda
    /// answers 202; the host runs it, with Lambda's retries, in the background.
    @discardableResult
    public func invokeAsynchronously(function name: String, payload: [UInt8]) throws(InvokeError) -> String {
        try checkInvoke(function: name, payload: payload, limit: Self.asynchronousPayloadLimit)
        let event = AsyncEvent(function: name, payload: payload, requestID: Self.newRequestID(), queuedAt: .now)
        taskContinuation.yield(.invokeEvent(event))
        return event.requestID
    }

    /// Validates an invoke without running it (`DryRun`).
    public func validateInvoke(function name: String, payload: [UInt8]) throws(InvokeError) {
        try checkInvoke(function: name, payload: payload, limit: Self.synchronousPayloadLimit)
    }

    /// Concurrent executions of `function` right now.
    public func concurrentExecutions(of function: String) -> Int {
        ledger.concurrentExecutions(of: function)
    }

    /// Every function with its concurrency now and its activity so far, by name.
    public func functionStates() -> [FunctionState] {
        functions.values.sorted { $0.name < $1.name }.map { function in
            FunctionState(
                configuration: function, concurrentExecutions: ledger.concurrentExecutions(of: function.name),
                provisionedEnvironments: pools[function.name]?.provisionedCount ?? 0,
                activity: activity[function.name] ?? FunctionActivity())
        }
    }

    /// Running environments of `function` (busy or idle).
    public func environmentCount(of function: String) -> Int {
        pools[function]?.count ?? 0
    }

    private func observe(_ function: String, _ options: InvokeOptions, startedAt: Date, result: InvocationResult?, throttle: ThrottleReason?) {
        // Handing it over wakes the forwarder: not worth it when nobody observes.
        guard configuration.invocationObserver != nil else { return }
        observationContinuation.yield(InvocationObservation(
            function: function, invocationType: options.invocationType,
            startedAt: startedAt, result: result, throttle: throttle))
    }

    private func checkInvoke(function name: String, payload: [UInt8], limit: Int) throws(InvokeError) {
        guard state != .stopping else { throw .hostStopped }
        guard functions[name] != nil else { throw .functionNotFound(arn: configuration.functionARN(name)) }
        guard payload.count <= limit else { throw .requestTooLarge(limit: limit) }
        if !payload.isEmpty {
            do {
                _ = try JSONSerialization.jsonObject(with: Data(payload), options: .fragmentsAllowed)
            } catch {
                throw .invalidRequestContent("Could not parse payload into json")
            }
        }
    }

    /// A free warm environment, or a new on-demand one (a cold start).
    private func takeEnvironment(for function: String) -> ExecutionEnvironment {
        if let warm = pools[function]?.take() { return warm }
        let environment = makeEnvironment(function, kind: .onDemand, available: false)
        launch(environment, function: function)
        return environment
    }

    /// A random version-4 UUID in lowercase, as Lambda's request ids are.
    static func newRequestID() -> String {
        RandomIdentifier.uuidString()
    }

    /// `Root=1-<epoch, 8 hex>-<24 random hex>;Parent=<16 random hex>;Sampled=0`, as X-Ray writes it.
    static func newTraceID() -> String {
        let epoch = String(UInt32(truncatingIfNeeded: Int(Date().timeIntervalSince1970)), radix: 16)
        return "Root=1-" + String(repeating: "0", count: 8 - epoch.count) + epoch + "-"
            + RandomIdentifier.hex(digits: 16) + RandomIdentifier.hex(digits: 8)
            + ";Parent=" + RandomIdentifier.hex(digits: 16) + ";Sampled=0"
    }
}
