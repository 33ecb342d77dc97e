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

    // The orders below are AWS's answers in LocalStack's AWS-validated FIFO group tests.

    @Test func fifoHandsOutAGroupTogetherBeforeTheNext() {
        let planner = ReceivePlanner(now: 100, maxMessages: 10, isFifo: true, maxReceiveCount: nil)
        let actions = planner.plan([
            Candidate(rowId: 1, visibleAt: 1, receiveCount: 0, groupId: "g1"),
            Candidate(rowId: 2, visibleAt: 2, receiveCount: 0, groupId: "g2"),
            Candidate(rowId: 3, visibleAt: 3, receiveCount: 0, groupId: "g1"),
            Candidate(rowId: 4, visibleAt: 4, receiveCount: 0, groupId: "g1"),
        ])
        #expect(actions == [.deliver(1), .deliver(3), .deliver(4), .deliver(2)])
    }

    @Test func fifoOrdersGroupsByWhenTheirFirstMessageBecameVisible() {
        // g1's first two messages were deleted: g1 now starts at row 6, sent after g2's messages.
        let planner = ReceivePlanner(now: 100, maxMessages: 10, isFifo: true, maxReceiveCount: nil)
        let actions = planner.plan([
            Candidate(rowId: 2, visibleAt: 2, receiveCount: 0, groupId: "g2"),
            Candidate(rowId: 4, visibleAt: 4, receiveCount: 0, groupId: "g2"),
            Candidate(rowId: 6, visibleAt: 6, receiveCount: 0, groupId: "g1"),
            Candidate(rowId: 7, visibleAt: 7, receiveCount: 0, groupId: "g1"),
            Candidate(rowId: 8, visibleAt: 8, receiveCount: 0, groupId: "g3"),
        ])
        #expect(actions == [.deliver(2), .deliver(4), .deliver(6), .deliver(7), .deliver(8)])
    }

    @Test func fifoRedeliversAReleasedFirstMessageBehindWaitingGroupsButNotTheRestInFlight() {
        // g1-m1 was released at 90 while g1-m2 stays in flight; g2 waited since 3.
        let planner = ReceivePlanner(now: 100, maxMessages: 3, isFifo: true, maxReceiveCount: nil)
        let actions = planner.plan([
            Candidate(rowId: 1, visibleAt: 90, receiveCount: 1, groupId: "g1"),
            Candidate(rowId: 2, visibleAt: 130, receiveCount: 1, groupId: "g1"),
            Candidate(rowId: 3, visibleAt: 3, receiveCount: 0, groupId: "g2"),
        ])
        #expect(actions == [.deliver(3), .deliver(1)])
    }

    @Test func fifoBreaksTiesBetweenGroupsBySequence() {
        let planner = ReceivePlanner(now: 100, maxMessages: 10, isFifo: true, maxReceiveCount: nil)
        let actions = planner.plan([
            Candidate(rowId: 5, visibleAt: 100, receiveCount: 1, groupId: "b"),
            Candidate(rowId: 3, visibleAt: 100, receiveCount: 1, groupId: "a"),
            Candidate(rowId: 4, visibleAt: 4, receiveCount: 0, groupId: "c"),
        ])
        #expect(actions == [.deliver(4), .deliver(3), .deliver(5)])
    }
}
