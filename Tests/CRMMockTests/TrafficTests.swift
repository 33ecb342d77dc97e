import CRMMock
import StrictJSON
import Testing

/// The realism knobs over HTTP: a global rate limit, a reproducible error rate, latency.
@Suite struct TrafficTests {
    @Test("over the rate limit, concurrent clients get 429 with Retry-After; exactly the allowed burst gets through")
    func rateLimitUnderConcurrentLoad() async throws {
        // 5 per minute: a token comes back only every 12 s, so the burst is exactly 5.
        try await MockHarness.run([.scalingTest: ["records=10", "rateLimit=5/min"]]) { harness in
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for _ in 0..<20 { group.addTask { try await harness.get("/scaling-test/persons?limit=1") } }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            #expect(replies.count(where: { $0.status == 200 }) == 5)
            let limited = replies.filter { $0.status == 429 }
            #expect(limited.count == 15)
            for reply in limited {
                let seconds = try #require(reply.retryAfter.flatMap { Int($0) }, "Retry-After: \(String(describing: reply.retryAfter))")
                #expect((1...12).contains(seconds))
                #expect(try reply.body["code"]?.string == "rate_limit_exceeded")
            }
            let counters = await harness.server.counters(for: .scalingTest)
            #expect(counters.requests == 20)
            #expect(counters.rateLimited == 15)
            // Another CRM has its own budget.
            #expect(try await harness.get("/pipedrive/v1/persons?limit=1").status == 200)
        }
    }

    @Test("the rate limit can be changed while the server runs")
    func rateLimitChangesAtRuntime() async throws {
        try await MockHarness.run([.pipedrive: ["rateLimit=1/h"]]) { harness in
            #expect(try await harness.get("/pipedrive/v1/persons?limit=1").status == 200)
            #expect(try await harness.get("/pipedrive/v1/persons?limit=1").status == 429)
            var settings = await harness.server.settings(for: .pipedrive)
            try settings.apply(knob: "rateLimit=off")
            await harness.server.update(settings, for: .pipedrive)
            for _ in 0..<5 { #expect(try await harness.get("/pipedrive/v1/persons?limit=1").status == 200) }
        }
    }

    @Test("the error rate fails the same requests every time, alternating 503 and 502, in the CRM's error shape")
    func errorRateIsReproducible() async throws {
        try await MockHarness.run([.pipedrive: ["records=10", "errorRate=0.25"]]) { harness in
            var statuses: [[Int]] = []
            for round in 0..<2 {
                if round == 1 { await harness.server.update(await harness.server.settings(for: .pipedrive), for: .pipedrive) }
                var answered: [Int] = []
                for _ in 0..<12 {
                    let reply = try await harness.get("/pipedrive/v1/persons?limit=2")
                    answered.append(reply.status)
                    if reply.status >= 500 {
                        #expect(try reply.body["success"]?.bool == false)
                        #expect(try reply.body["errorCode"]?.integer == reply.status)
                    }
                }
                statuses.append(answered)
            }
            let expected = [200, 200, 200, 503, 200, 200, 200, 502, 200, 200, 200, 503]
            #expect(statuses == [expected, expected])
            #expect(await harness.server.counters(for: .pipedrive).injectedErrors == 6)
        }
    }

    @Test("latency delays every answer, and perRecordLatency each person in it")
    func latencyDelaysAnswers() async throws {
        try await MockHarness.run([.axiscare: ["records=40", "latency=150ms"], .attio: ["records=40", "perRecordLatency=10ms"]]) { harness in
            var start = ContinuousClock.now
            let fixed = try await harness.get("/axiscare/api/contacts?per_page=1")
            #expect(fixed.status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(150))
            start = ContinuousClock.now
            let perRecord = try await harness.post("/attio/v2/objects/people/records/query", ["limit": 25])
            #expect(try perRecord.body["data"]?.array?.count == 25)
            #expect(ContinuousClock.now - start >= .milliseconds(250))
        }
    }

    @Test("errors, limits and counters belong to one CRM each")
    func countersArePerCRM() async throws {
        try await MockHarness.run([.attio: ["errorRate=1"]]) { harness in
            let failed = try await harness.post("/attio/v2/objects/people/records/query", [:])
            #expect(failed.status == 503)
            #expect(try failed.body["type"]?.string == "api_error")
            let leads = try await harness.get("/zoho-crm/crm/v2/Leads?per_page=3")
            #expect(leads.status == 200)
            let counters = await harness.server.counters()
            #expect(counters[.attio]?.injectedErrors == 1)
            #expect(counters[.zoho]?.requests == 1)
            #expect(counters[.zoho]?.personsReturned == 3)
            #expect(counters[.pipedrive] == CRMCounters())
        }
    }
}
