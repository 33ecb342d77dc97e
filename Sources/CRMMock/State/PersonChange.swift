/// A person a webhook firing modified: as it was, as it is now, and the subscriptions to tell.
struct PersonChange: Sendable {
    let before: MockPerson
    let after: MockPerson
    let subscriptions: [WebhookSubscription]
}
