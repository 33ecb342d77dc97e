import StrictJSON

/// One mock CRM's wire format: its routes, its error shape and its webhook payload. The routes
/// of every CRM are listed in docs/crm-mock.md.
protocol CRMAPI: Sendable {
    var crm: CRM { get }

    /// Answers a request that passed the traffic gates; `request.segments` follow the CRM's prefix.
    func respond(to request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse

    /// The body of an error answer, in the CRM's shape.
    func errorBody(for error: MockAPIError) -> JSONValue

    /// What `subscription` is sent about `change`, or nil if it did not subscribe to that.
    func webhookPayload(for change: PersonChange, to subscription: WebhookSubscription) -> JSONValue?
}

extension CRMAPI {
    /// The persons with `ids`, as a bulk fetch answers them: at most `maximum` ids at once.
    func bulk(
        _ ids: [String], kind: PersonKind? = nil, maximum: Int = 100, state: CRMState
    ) async throws(MockAPIError) -> [MockPerson] {
        guard ids.count <= maximum else { throw .badRequest("At most \(maximum) ids at once, not \(ids.count)") }
        return await state.persons(ids: ids, kind: kind)
    }
}
