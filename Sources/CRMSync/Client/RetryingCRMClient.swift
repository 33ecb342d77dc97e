import Foundation

/// A CRM client that retries by `CRMRetryPolicy` within one invocation's time. Build one per
/// invocation with the invocation's deadline; tests pass their own time, sleep and randomness.
public struct RetryingCRMClient: CRMClient {
    private let client: any CRMClient
    private let policy: CRMRetryPolicy
    private let deadlineMilliseconds: Int64
    private let nowMilliseconds: @Sendable () -> Int64
    private let sleep: @Sendable (Duration) async throws -> Void
    private let random: @Sendable () -> Double

    public init(
        _ client: any CRMClient, policy: CRMRetryPolicy = CRMRetryPolicy(), deadlineMilliseconds: Int64,
        nowMilliseconds: @escaping @Sendable () -> Int64 = RetryingCRMClient.wallClockMilliseconds,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.client = client
        self.policy = policy
        self.deadlineMilliseconds = deadlineMilliseconds
        self.nowMilliseconds = nowMilliseconds
        self.sleep = sleep
        self.random = random
    }

    public func send(_ request: CRMRequest) async throws -> CRMResponse {
        var attempt = 1
        while true {
            let response = try await client.send(request)
            let decision = policy.decide(
                request: request, response: response, attempt: attempt, nowMilliseconds: nowMilliseconds(),
                deadlineMilliseconds: deadlineMilliseconds, random: random())
            switch decision {
            case .deliver: return response
            case .giveUp(let error): throw error
            case .retry(let wait):
                try await sleep(wait)
                attempt += 1
            }
        }
    }

    /// Milliseconds since the Unix epoch, the clock of Lambda's deadlines.
    @Sendable public static func wallClockMilliseconds() -> Int64 {
        Date().epochMilliseconds
    }
}
