import Testing

@testable import CRMMock

@Suite struct TimestampTests {
    let noon = Timestamp(millisecondsSinceEpoch: 1_748_779_200_000)

    @Test func formatsInEachCRMsStyle() {
        let time = noon.adding(milliseconds: 3_723_045)
        #expect(time.formatted(.iso8601) == "2025-06-01T13:02:03Z")
        #expect(time.formatted(.iso8601Milliseconds) == "2025-06-01T13:02:03.045Z")
        #expect(time.formatted(.spaceSeparated) == "2025-06-01 13:02:03")
        #expect(time.formatted(.utcOffset) == "2025-06-01T13:02:03+00:00")
        #expect(Timestamp(millisecondsSinceEpoch: -1).formatted(.iso8601Milliseconds) == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(millisecondsSinceEpoch: 951_782_400_000).formatted(.iso8601) == "2000-02-29T00:00:00Z")
    }

    @Test func parsesWhatClientsSend() {
        #expect(Timestamp(parsing: "2025-06-01T12:00:00Z") == noon)
        #expect(Timestamp(parsing: "2025-06-01T12:00:00") == noon)
        #expect(Timestamp(parsing: "2025-06-01 12:00:00") == noon)
        #expect(Timestamp(parsing: "2025-06-01T14:00:00+02:00") == noon)
        #expect(Timestamp(parsing: "2025-06-01T07:00:00-0500") == noon)
        #expect(Timestamp(parsing: "2025-06-01T12:00:00.5Z") == noon.adding(milliseconds: 500))
        #expect(Timestamp(parsing: "2025-06-01T12:00:00.123456789Z") == noon.adding(milliseconds: 123))
        for bad in ["", "2025-06-01", "2025-13-01T00:00:00Z", "2025-06-01T12:00Z", "2025-06-01T12:00:00.Z", "2025-06-01T12:00:00Zjunk", "yesterday"] {
            #expect(Timestamp(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func roundTripsEveryStyle() {
        for milliseconds: Int64 in [0, 1_748_779_200_000, 1_748_779_212_345, 4_102_444_800_000] {
            let time = Timestamp(millisecondsSinceEpoch: milliseconds)
            #expect(Timestamp(parsing: time.formatted(.iso8601Milliseconds)) == time)
            let whole = Timestamp(millisecondsSinceEpoch: milliseconds - milliseconds % 1000)
            for style: Timestamp.Style in [.iso8601, .spaceSeparated, .utcOffset] {
                #expect(Timestamp(parsing: time.formatted(style)) == whole)
            }
        }
    }
}
