import FoundationEssentials

/// The bodies the server and the clients exchange, encoded once.
public enum Workload {
    /// Requests each warm run sends before it measures: the connection is open and every lazy
    /// set-up (the clients' and the server's) is done.
    public static let warmupRequests = 200

    /// A CRM-like record of about 850 bytes, the GET's response body.
    public static let recordBody: [UInt8] = encoded(Record.sample(notes: String(repeating: "n", count: 700)))

    /// A small record (about 190 bytes), the POST's request body.
    public static let postBody: [UInt8] = encoded(Record.sample(notes: "created by the HTTP client benchmark"))

    /// The POST's response body.
    public static let createdBody: [UInt8] = encoded(Created(id: "rec_0000000042", status: "created"))

    private static func encoded(_ value: some Encodable) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(value))
        } catch {
            fatalError("cannot encode the benchmark's workload: \(error)")
        }
    }

    private struct Record: Encodable {
        let id: String
        let name: String
        let email: String
        let phone: String
        let owner: Int
        let labels: [String]
        let notes: String

        static func sample(notes: String) -> Record {
            Record(
                id: "rec_0000000042", name: "Ada Lovelace", email: "ada@example.com", phone: "+44 20 7946 0000",
                owner: 7, labels: ["customer", "priority"], notes: notes)
        }
    }

    private struct Created: Encodable {
        let id: String
        let status: String
    }
}
