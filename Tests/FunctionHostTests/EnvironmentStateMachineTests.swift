@testable import FunctionHost
import Testing

@Suite("Execution environment lifecycle")
struct EnvironmentStateMachineTests {
    typealias Machine = EnvironmentStateMachine<String, String>

    static func invocation(_ id: String) -> Invocation {
        Invocation(requestID: id, payload: [], functionARN: "arn", traceID: "t", clientContext: nil, cognitoIdentity: nil)
    }

    /// Summarises actions as text so expectations read like the protocol.
    static func describe(_ actions: [Machine.Action]) -> [String] {
        actions.map { action in
            switch action {
            case .initialised: "initialised"
            case .initialisationFailed(let end): "initialisationFailed(\(end))"
            case .reportInit(let phase, let status): "INIT_REPORT \(phase.rawValue) \(status)"
            case .relaunch(let invocation): "relaunch for \(invocation.requestID)"
            case .deliver(let invocation, let poll): "deliver \(invocation.requestID) to \(poll)"
            case .complete(let caller, let id, let end): "complete \(id) for \(caller): \(end)"
            case .rejectPoll(let poll): "reject \(poll)"
            case .killProcess: "kill"
            }
        }
    }

    static func rejection(_ result: Result<[Machine.Action], Machine.Rejection>) -> Machine.Rejection? {
        if case .failure(let rejection) = result { rejection } else { nil }
    }

    @Test("a cold start queues the invocation until the runtime's first next")
    func coldStart() throws {
        var machine = Machine()
        #expect(machine.assign(Self.invocation("r1"), caller: "c1").isEmpty)
        #expect(Self.describe(machine.nextRequested("p1")) == ["initialised", "deliver r1 to p1"])
        let done = try machine.resultPosted(requestID: "r1", .response([1])).get()
        #expect(Self.describe(done) == ["complete r1 for c1: response([1])"])
        #expect(Self.describe(machine.nextRequested("p2")).isEmpty)
        #expect(Self.describe(machine.assign(Self.invocation("r2"), caller: "c2")) == ["deliver r2 to p2"])
    }

    @Test("an invocation assigned before the runtime asks again waits for its next request")
    func queuedWhileReleasing() throws {
        var machine = Machine()
        _ = machine.nextRequested("p1")
        _ = machine.assign(Self.invocation("r1"), caller: "c1")
        _ = try machine.resultPosted(requestID: "r1", .response([])).get()
        #expect(machine.assign(Self.invocation("r2"), caller: "c2").isEmpty)
        #expect(Self.describe(machine.nextRequested("p2")) == ["deliver r2 to p2"])
    }

    @Test("results for another request id or in the wrong state are rejected")
    func rejections() {
        var machine = Machine()
        #expect(Self.rejection(machine.resultPosted(requestID: "r1", .response([]))) == .invalidStateTransition)
        _ = machine.nextRequested("p1")
        _ = machine.assign(Self.invocation("r1"), caller: "c1")
        #expect(Self.rejection(machine.resultPosted(requestID: "other", .response([]))) == .invalidRequestID)
        #expect(Self.rejection(machine.initErrorPosted(body: [])) == .invalidStateTransition)
        #expect(Self.describe(machine.nextRequested("p2")) == ["reject p2"])
    }

    @Test("the deadline kills a busy environment and fails its invocation; later events change nothing")
    func deadline() {
        var machine = Machine()
        _ = machine.nextRequested("p1")
        _ = machine.assign(Self.invocation("r1"), caller: "c1")
        #expect(machine.deadlineReached(requestID: "other", timeoutSeconds: 1).isEmpty)
        #expect(Self.describe(machine.deadlineReached(requestID: "r1", timeoutSeconds: 1)) == ["kill", "complete r1 for c1: timedOut(seconds: 1.0)"])
        #expect(machine.processExited(.signaled(9)).isEmpty)
        #expect(machine.isDead)
        #expect(Self.describe(machine.assign(Self.invocation("r2"), caller: "c2")) == ["complete r2 for c2: notDelivered"])
    }

    @Test("an init error fails the waiting invocation and kills the runtime")
    func initError() throws {
        var machine = Machine()
        _ = machine.assign(Self.invocation("r1"), caller: "c1")
        let actions = try machine.initErrorPosted(body: [7]).get()
        #expect(Self.describe(actions) == ["initialisationFailed(initFailed(body: [7]))", "kill", "complete r1 for c1: initFailed(body: [7])"])
    }

    @Test("a process that dies mid-invocation fails it; one queued but not started is not delivered")
    func processDeath() throws {
        var busy = Machine()
        _ = busy.nextRequested("p1")
        _ = busy.assign(Self.invocation("r1"), caller: "c1")
        #expect(Self.describe(busy.processExited(.signaled(11))) == ["complete r1 for c1: processExited(FunctionHost.ProcessExit.signaled(11))"])

        var releasing = Machine()
        _ = releasing.nextRequested("p1")
        _ = releasing.assign(Self.invocation("r1"), caller: "c1")
        _ = try releasing.resultPosted(requestID: "r1", .response([])).get()
        _ = releasing.assign(Self.invocation("r2"), caller: "c2")
        #expect(Self.describe(releasing.processExited(.exited(code: 0))) == ["complete r2 for c2: notDelivered"])
    }

    @Test("shutting down an idle environment releases its poll and kills it")
    func shutDown() {
        var machine = Machine()
        _ = machine.nextRequested("p1")
        #expect(Self.describe(machine.shutDown()) == ["reject p1", "kill"])
        #expect(machine.shutDown().isEmpty)
    }

    // MARK: Init phase limit

    @Test("an on-demand init past its limit is stopped, then retried for the waiting invocation once the process is gone")
    func initTimeoutRetried() throws {
        var machine = Machine()
        _ = machine.assign(Self.invocation("r1"), caller: "c1")
        #expect(Self.describe(machine.initDeadlineReached(after: .seconds(10))) == ["INIT_REPORT init timeout", "kill"])
        #expect(Self.describe(machine.nextRequested("late")) == ["reject late"], "the stopped process's late next")
        #expect(Self.describe(machine.assign(Self.invocation("r2"), caller: "c2")) == ["complete r2 for c2: notDelivered"])
        #expect(Self.describe(machine.processExited(.signaled(9))) == ["relaunch for r1"])
        #expect(machine.deadlineReached(requestID: "other", timeoutSeconds: 3).isEmpty)
        #expect(Self.describe(machine.nextRequested("p1")) == ["initialised", "deliver r1 to p1"])
        let done = try machine.resultPosted(requestID: "r1", .response([1])).get()
        #expect(Self.describe(done) == ["complete r1 for c1: response([1])"])
        #expect(Self.describe(machine.nextRequested("p2")).isEmpty)
    }

    @Test("an invocation that arrives after the init timed out still gets the retry")
    func initTimeoutBeforeAssignment() {
        var machine = Machine()
        _ = machine.initDeadlineReached(after: .seconds(10))
        #expect(machine.assign(Self.invocation("r1"), caller: "c1").isEmpty)
        #expect(Self.describe(machine.processExited(.signaled(9))) == ["relaunch for r1"])

        var unused = Machine()
        _ = unused.initDeadlineReached(after: .seconds(10))
        #expect(Self.describe(unused.processExited(.signaled(9))) == ["initialisationFailed(notDelivered)"])
        #expect(unused.isDead)
    }

    @Test("a retried init that runs out the invocation's timeout fails it as a timeout")
    func retriedInitTimesOut() {
        var machine = Machine()
        _ = machine.assign(Self.invocation("r1"), caller: "c1")
        _ = machine.initDeadlineReached(after: .seconds(10))
        _ = machine.processExited(.signaled(9))
        #expect(Self.describe(machine.deadlineReached(requestID: "r1", timeoutSeconds: 3)) == [
            "INIT_REPORT invoke error(type: \"Runtime.Unknown\")", "kill", "complete r1 for c1: timedOut(seconds: 3.0)",
        ])
        #expect(machine.processExited(.signaled(9)).isEmpty)
        #expect(machine.isDead)
    }

    @Test("a retried init that fails or crashes fails the invocation with an invoke-phase INIT_REPORT")
    func retriedInitFails() throws {
        var failing = Machine()
        _ = failing.assign(Self.invocation("r1"), caller: "c1")
        _ = failing.initDeadlineReached(after: .seconds(10))
        _ = failing.processExited(.signaled(9))
        #expect(Self.describe(try failing.initErrorPosted(body: [7]).get()) == [
            "INIT_REPORT invoke error(type: \"Runtime.InitError\")", "initialisationFailed(initFailed(body: [7]))", "kill",
            "complete r1 for c1: initFailed(body: [7])",
        ])

        var crashing = Machine()
        _ = crashing.assign(Self.invocation("r1"), caller: "c1")
        _ = crashing.initDeadlineReached(after: .seconds(10))
        _ = crashing.processExited(.signaled(9))
        #expect(Self.describe(crashing.processExited(.exited(code: 2))) == [
            "INIT_REPORT invoke error(type: \"Runtime.ExitError\")",
            "initialisationFailed(processExited(FunctionHost.ProcessExit.exited(code: 2)))",
            "complete r1 for c1: processExited(FunctionHost.ProcessExit.exited(code: 2))",
        ])
    }

    @Test("a provisioned init past its limit ends the environment; an invocation waiting for it runs elsewhere")
    func provisionedInitTimeout() {
        var machine = Machine(retriesTimedOutInit: false)
        _ = machine.assign(Self.invocation("r1"), caller: "c1")
        #expect(Self.describe(machine.initDeadlineReached(after: .milliseconds(130_500))) == [
            "INIT_REPORT init timeout", "initialisationFailed(timedOut(seconds: 130.5))", "kill", "complete r1 for c1: notDelivered",
        ])
        #expect(machine.processExited(.signaled(9)).isEmpty)
        #expect(machine.isDead)
    }

    @Test("the init deadline changes nothing once the runtime has asked for work")
    func initDeadlineAfterInit() {
        var machine = Machine()
        _ = machine.nextRequested("p1")
        #expect(machine.initDeadlineReached(after: .seconds(10)).isEmpty)
        #expect(Self.describe(machine.assign(Self.invocation("r1"), caller: "c1")) == ["deliver r1 to p1"])
    }

    @Test("shutting down during a retried init releases its invocation to run elsewhere")
    func shutDownWhileReinitialising() {
        var machine = Machine()
        _ = machine.assign(Self.invocation("r1"), caller: "c1")
        _ = machine.initDeadlineReached(after: .seconds(10))
        _ = machine.processExited(.signaled(9))
        #expect(Self.describe(machine.shutDown()) == ["initialisationFailed(notDelivered)", "kill", "complete r1 for c1: notDelivered"])
    }

    @Test("limits: on demand as configured; provisioned the longer of its limit and the function's timeout")
    func initLimits() {
        let limits = InitPhaseLimits(onDemand: .seconds(10), provisioned: .seconds(130))
        #expect(limits.limit(for: .onDemand, functionTimeout: 900) == .seconds(10))
        #expect(limits.limit(for: .provisioned, functionTimeout: 60) == .seconds(130))
        #expect(limits.limit(for: .provisioned, functionTimeout: 900) == .seconds(900))
    }
}
