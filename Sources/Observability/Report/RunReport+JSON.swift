import Foundation

extension RunReport {
    /// The report as `--json` prints it: sorted keys, ISO 8601 dates, documented in `docs/report.schema.json`.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
