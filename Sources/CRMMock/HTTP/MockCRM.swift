import Logging
import NIOHTTP1
import ServerSupport
import StrictJSON

/// One mock CRM: its wire format and its state, the traffic gates and delays in front of them,
/// and the webhook notifications it sends.
struct MockCRM: Sendable {
    let api: any CRMAPI
    let state: CRMState
    let webhookClient: WebhookClient
    let logger: Logger

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
    /// `GET activities`, `GET webhooks` and `POST webhooks/fire` (`{"personId"}`, which
    /// `fireWebhook(personId:)` answers with `{"deliveries"}`), for another process (`queuelab crm
    /// webhook`) to do what the Swift API does.
    func respondMockOnly(to request: MockRequest) async -> HTTPServerResponse {
        do throws(MockAPIError) {
            if request.route(.GET, "_mock/activities") != nil {
                return MockResponse.encoding(["activities": await state.activities]).response
            }
            if request.route(.GET, "_mock/webhooks") != nil {
                return MockResponse.encoding(["webhooks": await state.webhooks]).response
            }
            if request.route(.POST, "_mock/webhooks/fire") != nil {
                let personId = try request.jsonObject().string("personId")
                do throws(CRMMockError) {
                    return MockResponse.encoding(["deliveries": try await fireWebhook(personId: personId)]).response
                } catch {
                    throw .notFound(error.message)
                }
            }
            throw .unknownRoute(request)
        } catch {
            return MockResponse.json(api.errorBody(for: error), status: error.status).response
        }
    }

    /// See `CRMMockServer.fireWebhook(crm:personId:)`.
    func fireWebhook(personId: String) async throws(CRMMockError) -> [WebhookDelivery] {
        guard let change = await state.modify(personId: personId, now: .now()) else {
            throw CRMMockError(.unknownPerson, "\(api.crm.rawValue) has no person \(personId)")
        }
        var deliveries: [WebhookDelivery] = []
        for subscription in change.subscriptions {
            guard let payload = api.webhookPayload(for: change, to: subscription) else { continue }
            let delivery = await webhookClient.post(payload, to: subscription)
            if case .failed(let reason) = delivery.outcome {
                logger.warning(
                    "webhook not delivered", metadata: ["crm": "\(api.crm.rawValue)", "url": "\(subscription.url)", "reason": "\(reason)"])
            }
            deliveries.append(delivery)
        }
        return deliveries
    }
}
