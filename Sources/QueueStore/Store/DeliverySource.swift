/// Who receives a batch: the function and mapping its attempt is recorded for.
public struct DeliverySource: Sendable, Equatable {
    public let functionName: String
    public let mappingId: String
    public let queueName: String

    public init(functionName: String, mappingId: String, queueName: String) {
        self.functionName = functionName
        self.mappingId = mappingId
        self.queueName = queueName
    }
}
