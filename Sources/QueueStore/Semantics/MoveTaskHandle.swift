import Foundation
import Primitives
import StrictJSON

/// A message move task's `TaskHandle` in SQS's format: base64 of the JSON object
/// `{"taskId": "<uuid>", "sourceArn": "<arn of the dead-letter queue>"}`.
public struct MoveTaskHandle: Codable, Equatable, Sendable {
    public var taskId: String
    public var sourceArn: String

    public init(taskId: String, sourceArn: String) {
        self.taskId = taskId
        self.sourceArn = sourceArn
    }

    /// A new task's handle.
    static func new(sourceArn: String) -> MoveTaskHandle {
        MoveTaskHandle(taskId: RandomIdentifier.uuidString(), sourceArn: sourceArn)
    }

    /// The handle as SQS hands it out.
    public func encoded() throws(SQSError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        do {
            return try encoder.encode(self).base64EncodedString()
        } catch {
            throw SQSError(.internalError, "The task handle could not be encoded: \(error)")
        }
    }

    /// The handle a client sent, or `nil` when it is not one.
    public init?(decoding handle: String) {
        guard let data = Data(base64Encoded: handle),
              case .object(let members)? = try? JSONParser.parse(Array(data)),
              case .string(let taskId)? = members["taskId"], !taskId.isEmpty,
              case .string(let sourceArn)? = members["sourceArn"], !sourceArn.isEmpty
        else { return nil }
        self.init(taskId: taskId, sourceArn: sourceArn)
    }
}
