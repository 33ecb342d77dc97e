@testable import QueueStore
import Testing

@Suite("ReceivePlanner decides deliveries and dead letters without I/O")
struct ReceivePlannerTests {
    typealias Candidate = ReceivePlanner.Candidate

    @Test func deliversUpToTheLimitAndDeadLettersExhaustedMessages() {
        let planner = ReceivePlanner(now: 100, maxMessages: 2, isFifo: false, maxReceiveCount: 3)
        let actions = planner.plan([
            Candidate(rowId: 1, visibleAt: 90, receiveCount: 3, groupId: nil),
            Candidate(rowId: 2, visibleAt: 90, receiveCount: 2, groupId: nil),
            Candidate(rowId: 3, visibleAt: 100, receiveCount: 0, groupId: nil),
            Candidate(rowId: 4, visibleAt: 100, receiveCount: 0, groupId: nil),
        ])
        #expect(actions == [.deadLetter(1), .deliver(2), .deliver(3)])
    }

    @Test func withoutARedrivePolicyNothingIsDeadLettered() {
        let planner = ReceivePlanner(now: 100, maxMessages: 10, isFifo: false, maxReceiveCount: nil)
        #expect(planner.plan([Candidate(rowId: 1, visibleAt: 0, receiveCount: 500, groupId: nil)]) == [.deliver(1)])
    }

    @Test func fifoHoldsBackAGroupBehindAnInvisibleMessage() {
        let planner = ReceivePlanner(now: 100, maxMessages: 10, isFifo: true, maxReceiveCount: nil)
        let actions = planner.plan([
            Candidate(rowId: 1, visibleAt: 500, receiveCount: 1, groupId: "a"),
            Candidate(rowId: 2, visibleAt: 50, receiveCount: 0, groupId: "a"),
            Candidate(rowId: 3, visibleAt: 50, receiveCount: 0, groupId: "b"),
            Candidate(rowId: 4, visibleAt: 50, receiveCount: 0, groupId: "b"),
        ])
        #expect(actions == [.deliver(3), .deliver(4)])
    }

    @Test func fifoDeadLettersTheHeadAndCarriesOnWithItsGroup() {
        let planner = ReceivePlanner(now: 100, maxMessages: 1, isFifo: true, maxReceiveCount: 2)
        let actions = planner.plan([
            Candidate(rowId: 1, visibleAt: 50, receiveCount: 2, groupId: "a"),
            Candidate(rowId: 2, visibleAt: 50, receiveCount: 0, groupId: "a"),
        ])
        #expect(actions == [.deadLetter(1), .deliver(2)])
    }
}
