import Foundation
import StrictJSON

extension SyncEvent {
    /// Decodes an SQS message body. The strict parser checks the JSON (and locates a syntax error
    /// by line and column) and reads the envelope; the payload's fields are then decoded as the
    /// event's Codable type, and a missing or mistyped field is named by its path (`data.page`).
    public init(messageBody: String) throws(SyncEventDecodingError) {
        let bytes = Array(messageBody.utf8)
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw SyncEventDecodingError(.malformedJSON, "the message body is not JSON: \(error.description)")
        }
        guard case .object(let members) = document else {
            throw SyncEventDecodingError(.notAnEvent, "the message body is not a JSON object with \"event\" and \"data\"")
        }
        guard let eventValue = members["event"] else {
            throw SyncEventDecodingError(.missingField, "the message has no \"event\"")
        }
        guard case .string(let name) = eventValue else {
            throw SyncEventDecodingError(.invalidField, "\"event\" must be a string naming the event type")
        }
        guard let type = SyncEventType(rawValue: name) else {
            let known = SyncEventType.allCases.map(\.rawValue).joined(separator: ", ")
            throw SyncEventDecodingError(.unknownEventType, "unknown event type \"\(name)\"; known: \(known)")
        }
        let data = Data(bytes)
        switch type {
        case .initialSync:
            // The start events have only optional fields, so their `data` may be left out.
            self = .initialSync(members["data"] == nil ? StartSync() : try Self.payload(of: type, from: data))
        case .ongoingSync:
            self = .ongoingSync(members["data"] == nil ? StartSync() : try Self.payload(of: type, from: data))
        case .webhookReceived: self = .webhookReceived(try Self.payload(of: type, from: data))
        case .fetchPersonPage: self = .fetchPersonPage(try Self.payload(of: type, from: data))
        case .processPersonBatch: self = .processPersonBatch(try Self.payload(of: type, from: data))
        case .completeSync: self = .completeSync(try Self.payload(of: type, from: data))
        case .logSMS: self = .logSMS(try Self.payload(of: type, from: data))
        case .logCall: self = .logCall(try Self.payload(of: type, from: data))
        }
    }

    private static func payload<Payload: Codable>(of type: SyncEventType, from data: Data) throws(SyncEventDecodingError) -> Payload {
        do {
            return try SyncEventCoding.decoder().decode(Envelope<Payload>.self, from: data).data
        } catch let error as DecodingError {
            throw SyncEventDecodingError(decoding: error, of: type)
        } catch {
            throw SyncEventDecodingError(.invalidField, "\(type.rawValue): \(error)")
        }
    }
}

extension SyncEventDecodingError {
    init(decoding error: DecodingError, of type: SyncEventType) {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var text = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(.missingField, "\(type.rawValue) needs \(path(context.codingPath, key))")
        case .valueNotFound(let expected, let context):
            self.init(.missingField, "\(type.rawValue) needs \(path(context.codingPath)) (\(expected)), found null")
        case .typeMismatch(let expected, let context):
            self.init(.invalidField, "\(type.rawValue): \(path(context.codingPath)) has the wrong type; expected \(expected)")
        case .dataCorrupted(let context):
            self.init(.invalidField, "\(type.rawValue): \(path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            self.init(.invalidField, "\(type.rawValue): \(error)")
        }
    }
}
