/// `COMPLETE_SYNC`: every page is processed; mark the Process completed.
public struct CompleteSync: Codable, Sendable, Equatable {
    public var processId: String

    public init(processId: String) {
        self.processId = processId
    }
}
