@testable import CRMSync
import Foundation
import Primitives
import Synchronization
import Testing

@Suite("The CRM client's retry policy")
struct CRMRetryPolicyTests {
    static let request = CRMRequest(.get, "/v1/persons")
    static let now: Int64 = 1_759_492_800_000  // 2025-10-03T12:00:00Z
    static let policy = CRMRetryPolicy()

    static func decide(
        status: Int, attempt: Int, retryAfter: String? = nil, timeLeft: Duration = .seconds(600), random: Double = 0,
        policy: CRMRetryPolicy = policy
    ) -> CRMRetryPolicy.Decision {
        let headers = retryAfter.map { ["Retry-After": $0] } ?? [:]
        return policy.decide(
            request: request, response: CRMResponse(status: status, headers: headers), attempt: attempt, nowMilliseconds: now,
            deadlineMilliseconds: now + timeLeft.wholeMilliseconds, random: random)
    }

    @Test("502, 503 and 504 are retried after 1, 2 and 4 seconds, then given up", arguments: [502, 503, 504])
    func errorSchedule(status: Int) {
        #expect((1...3).map { Self.decide(status: status, attempt: $0) } == [.retry(after: .seconds(1)), .retry(after: .seconds(2)), .retry(after: .seconds(4))])
        #expect(Self.decide(status: status, attempt: 4) == .giveUp(CRMRequestError(
            .retriesExhausted, status: status, message: "GET /v1/persons answered \(status) 4 times")))
    }

    @Test("429 backs off faster: 1, 3 and 9 seconds")
    func rateLimitSchedule() {
        #expect((1...3).map { Self.decide(status: 429, attempt: $0) } == [.retry(after: .seconds(1)), .retry(after: .seconds(3)), .retry(after: .seconds(9))])
        #expect(Self.decide(status: 429, attempt: 4) == .giveUp(CRMRequestError(
            .retriesExhausted, status: 429, message: "GET /v1/persons answered 429 4 times")))
    }

    @Test("jitter takes up to half of each wait off", arguments: [0.0, 0.25, 0.5, 0.999])
    func jitter(random: Double) {
        guard case .retry(let wait) = Self.decide(status: 503, attempt: 3, random: random) else {
            Issue.record("expected a retry")
            return
        }
        #expect(wait == .seconds(4) * (1 - 0.5 * random))
        #expect(wait > .seconds(2) && wait <= .seconds(4))
    }

    @Test("success and statuses no retry would change go back to the caller", arguments: [200, 201, 204, 400, 401, 403, 404, 422, 500])
    func delivered(status: Int) {
        #expect(Self.decide(status: status, attempt: 1) == .deliver)
    }

    @Test("Retry-After in seconds is the wait, without jitter")
    func retryAfterSeconds() {
        #expect(Self.decide(status: 429, attempt: 1, retryAfter: "7", random: 0.9) == .retry(after: .seconds(7)))
        #expect(Self.decide(status: 503, attempt: 2, retryAfter: " 0 ") == .retry(after: .zero))
    }

    @Test("Retry-After as an HTTP date waits until then, and a date past means at once")
    func retryAfterDate() {
        #expect(Self.decide(status: 429, attempt: 1, retryAfter: "Fri, 03 Oct 2025 12:00:30 GMT") == .retry(after: .seconds(30)))
        #expect(Self.decide(status: 429, attempt: 1, retryAfter: "Friday, 03-Oct-25 12:01:00 GMT") == .retry(after: .seconds(60)))
        #expect(Self.decide(status: 429, attempt: 1, retryAfter: "Fri Oct  3 12:00:05 2025") == .retry(after: .seconds(5)))
        #expect(Self.decide(status: 503, attempt: 1, retryAfter: "Thu, 02 Oct 2025 12:00:00 GMT") == .retry(after: .zero))
    }

    @Test("an unreadable Retry-After falls back to the backoff")
    func retryAfterUnreadable() {
        #expect(Self.decide(status: 429, attempt: 2, retryAfter: "soon") == .retry(after: .seconds(3)))
        #expect(Self.decide(status: 429, attempt: 2, retryAfter: "-5") == .retry(after: .seconds(3)))
    }

    @Test("no wait may end within the margin of the function's deadline")
    func deadline() {
        // 4 s of backoff and the 1 s margin fit in 5 s, not in 4.999 s.
        #expect(Self.decide(status: 503, attempt: 3, timeLeft: .seconds(5)) == .retry(after: .seconds(4)))
        #expect(Self.decide(status: 503, attempt: 3, timeLeft: .milliseconds(4999)) == .giveUp(CRMRequestError(
            .deadlineReached, status: 503,
            message: "GET /v1/persons answered 503; the next try in 4.0 seconds would come too close to the function's deadline (4.999 seconds left)")))
        #expect(Self.decide(status: 429, attempt: 1, retryAfter: "120", timeLeft: .seconds(60)) == .giveUp(CRMRequestError(
            .deadlineReached, status: 429,
            message: "GET /v1/persons answered 429; the next try in 120.0 seconds would come too close to the function's deadline (60.0 seconds left)")))
        #expect(Self.decide(status: 503, attempt: 1, timeLeft: .seconds(-1)) == .giveUp(CRMRequestError(
            .deadlineReached, status: 503,
            message: "GET /v1/persons answered 503; the next try in 1.0 seconds would come too close to the function's deadline (-1.0 seconds left)")))
    }

    @Test("the retrying client waits as the policy says and returns the first answer it need not retry")
    func retryingClient() async throws {
        let crm = ScriptedCRMClient(sequence: [
            CRMResponse(status: 503), CRMResponse(status: 429, headers: ["Retry-After": "2"]),
            CRMResponse(status: 200, body: Array(#"{"ok":true}"#.utf8)),
        ])
        let waits = Mutex<[Duration]>([])
        let client = RetryingCRMClient(
            crm, deadlineMilliseconds: Self.now + 60_000, nowMilliseconds: { Self.now },
            sleep: { wait in waits.withLock { $0.append(wait) } }, random: { 0 })
        let response = try await client.send(Self.request)
        #expect(response.status == 200)
        #expect(waits.withLock { $0 } == [.seconds(1), .seconds(2)])
        #expect(crm.requests.count == 3)
    }

    @Test("the retrying client gives up with the policy's error")
    func retryingClientGivesUp() async throws {
        let crm = ScriptedCRMClient { _ in CRMResponse(status: 504) }
        let client = RetryingCRMClient(
            crm, policy: CRMRetryPolicy(maximumRetries: 2), deadlineMilliseconds: Self.now + 60_000, nowMilliseconds: { Self.now },
            sleep: { _ in }, random: { 0 })
        await #expect(throws: CRMRequestError(.retriesExhausted, status: 504, message: "GET /v1/persons answered 504 3 times")) {
            try await client.send(Self.request)
        }
        #expect(crm.requests.count == 3)
    }
}
