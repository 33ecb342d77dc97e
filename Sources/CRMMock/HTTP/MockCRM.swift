import NIOHTTP1
import ServerSupport
import StrictJSON

/// One mock CRM: its wire format and its state, and the traffic gates and delays in front of them.
struct MockCRM: Sendable {
    let api: any CRMAPI
    let state: CRMState

    /// Answers a request to the CRM's routes (the path after its prefix): through the rate limit
    /// and the error rate, then the API, then the latency.
    func respond(to request: MockRequest, bodyTooLarge: Bool) async -> HTTPServerResponse {
        let admission = await state.admit(at: .now)
        var answer: MockResponse
        do throws(MockAPIError) {
            if let refusal = admission.refusal { throw refusal }
            if bodyTooLarge { throw .bodyTooLarge }
            answer = try await api.respond(to: request, state: state)
        } catch {
            answer = .json(api.errorBody(for: error), status: error.status)
            if let seconds = error.retryAfterSeconds { answer.response.headers.add(name: "Retry-After", value: String(seconds)) }
        }
        let delay = admission.latency + admission.perRecordLatency * answer.personsReturned
        // Suspends this request's task only; the event loop goes on serving others.
        if delay > .zero { try? await Task.sleep(for: delay) }
        return answer.response
    }

    /// The mock-only routes under `/<crm>/_mock/`, outside the traffic gates and the counters:
    /// `GET activities` and `GET webhooks`.
    func inspect(_ request: MockRequest) async -> HTTPServerResponse {
        if request.route(.GET, "_mock/activities") != nil {
            return MockResponse.encoding(["activities": await state.activities]).response
        }
        if request.route(.GET, "_mock/webhooks") != nil {
            return MockResponse.encoding(["webhooks": await state.webhooks]).response
        }
        let error = MockAPIError.unknownRoute(request)
        return MockResponse.json(api.errorBody(for: error), status: error.status).response
    }
}
