import Foundation

/// How events write and read dates: ISO 8601 in UTC with milliseconds (`2025-10-03T12:00:00.000Z`);
/// reading also takes whole seconds and other offsets (`2025-10-03T14:00:00+02:00`), as CRMs write them.
enum SyncEventCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Timestamp.string(from: date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601Timestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not an ISO 8601 date and time such as 2025-10-03T12:00:00Z")
            }
            return date
        }
        return decoder
    }
}
