/// The sync Process's lifecycle: INITIALIZING → FETCHING_TOTAL → QUEUING_PAGES →
/// PROCESSING_BATCHES → COMPLETING → COMPLETED, and any state not final → ERROR. A webhook's
/// Process knows its persons from the start and begins in PROCESSING_BATCHES. Pure.
public struct ProcessStateMachine: Sendable, Equatable {
    public private(set) var state: ProcessState

    /// The states a Process may be created in.
    public static let initialStates: Set<ProcessState> = [.initializing, .processingBatches]

    public init(state: ProcessState) {
        self.state = state
    }

    /// Whether a Process in `from` may move to `to`.
    public static func allows(from: ProcessState, to: ProcessState) -> Bool {
        switch (from, to) {
        case (.initializing, .fetchingTotal), (.fetchingTotal, .queuingPages), (.queuingPages, .processingBatches),
            (.processingBatches, .completing), (.completing, .completed):
            true
        case (_, .error):
            !from.isFinal
        default:
            false
        }
    }

    /// Moves to `next`, or refuses, leaving the state as it was.
    public mutating func transition(to next: ProcessState) throws(InvalidTransition) {
        guard Self.allows(from: state, to: next) else { throw InvalidTransition(from: state, to: next) }
        state = next
    }

    public struct InvalidTransition: Error, Sendable, Equatable, CustomStringConvertible {
        public let from: ProcessState
        public let to: ProcessState

        public var description: String { "a Process cannot go from \(from.rawValue) to \(to.rawValue)" }
    }
}
