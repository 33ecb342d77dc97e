@testable import CRMSync
import Testing

@Suite("The sync Process's state machine")
struct ProcessStateMachineTests {
    static let forward: [(ProcessState, ProcessState)] = [
        (.initializing, .fetchingTotal), (.fetchingTotal, .queuingPages), (.queuingPages, .processingBatches),
        (.processingBatches, .completing), (.completing, .completed),
    ]

    static func isValid(_ from: ProcessState, _ to: ProcessState) -> Bool {
        forward.contains { $0 == (from, to) } || (to == .error && from != .completed && from != .error)
    }

    static let allPairs = ProcessState.allCases.flatMap { from in ProcessState.allCases.map { (from, $0) } }

    @Test("each step of the sync moves forward, and every state but a final one may fail", arguments: allPairs.filter { isValid($0.0, $0.1) })
    func validTransition(from: ProcessState, to: ProcessState) throws {
        var machine = ProcessStateMachine(state: from)
        try machine.transition(to: to)
        #expect(machine.state == to)
    }

    @Test("every other transition is refused and leaves the state as it was", arguments: allPairs.filter { !isValid($0.0, $0.1) })
    func invalidTransition(from: ProcessState, to: ProcessState) {
        var machine = ProcessStateMachine(state: from)
        #expect(throws: ProcessStateMachine.InvalidTransition(from: from, to: to)) { try machine.transition(to: to) }
        #expect(machine.state == from)
    }

    @Test("the table: 5 forward steps, 5 ways into ERROR, 39 refusals of the 49 pairs")
    func counts() {
        #expect(Self.allPairs.filter { Self.isValid($0.0, $0.1) }.count == 10)
        #expect(Self.allPairs.filter { ProcessStateMachine.allows(from: $0.0, to: $0.1) }.count == 10)
    }

    @Test("a whole sync walks from INITIALIZING to COMPLETED")
    func wholeSync() throws {
        var machine = ProcessStateMachine(state: .initializing)
        for state in [ProcessState.fetchingTotal, .queuingPages, .processingBatches, .completing, .completed] {
            try machine.transition(to: state)
        }
        #expect(machine.state == .completed)
        #expect(machine.state.isFinal)
    }

    @Test("the message names both states")
    func message() {
        let refusal = ProcessStateMachine.InvalidTransition(from: .completed, to: .error)
        #expect(refusal.description == "a Process cannot go from COMPLETED to ERROR")
    }
}
