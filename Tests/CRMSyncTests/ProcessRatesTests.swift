import CRMSync
import Foundation
import Testing

@Suite("A Process's speed and estimated completion")
struct ProcessRatesTests {
    static let start = Date(timeIntervalSince1970: 1_759_492_800)

    @Test("a running Process: records per second so far, and the rest at that speed")
    func running() {
        let rates = ProcessRates(processed: 450, totalRecords: 1500, startedAt: Self.start, endedAt: nil, now: Self.start + 45)
        #expect(rates == ProcessRates(processed: 450, totalRecords: 1500, startedAt: Self.start, endedAt: nil, now: Self.start + 45))
        #expect(rates.durationMilliseconds == 45_000)
        #expect(rates.recordsPerSecond == 10)
        #expect(rates.estimatedCompletion == Self.start + 150)
    }

    @Test("no estimate before the first record, without a total, or once finished")
    func noEstimate() {
        #expect(ProcessRates(processed: 0, totalRecords: 100, startedAt: Self.start, endedAt: nil, now: Self.start + 5).estimatedCompletion == nil)
        #expect(ProcessRates(processed: 0, totalRecords: 100, startedAt: Self.start, endedAt: nil, now: Self.start).recordsPerSecond == 0)
        #expect(ProcessRates(processed: 10, totalRecords: nil, startedAt: Self.start, endedAt: nil, now: Self.start + 5).estimatedCompletion == nil)
        let finished = ProcessRates(processed: 100, totalRecords: 100, startedAt: Self.start, endedAt: Self.start + 20, now: Self.start + 99)
        #expect(finished.estimatedCompletion == nil)
        #expect(finished.durationMilliseconds == 20_000 && finished.recordsPerSecond == 5)
    }

    @Test("more records than the total (the CRM grew) estimates now")
    func overTotal() {
        let rates = ProcessRates(processed: 120, totalRecords: 100, startedAt: Self.start, endedAt: nil, now: Self.start + 12)
        #expect(rates.estimatedCompletion == Self.start + 12)
    }
}
