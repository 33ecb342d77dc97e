@testable import QueueStore
import Testing

/// Attribute selection on receive, as SQS answers the names in `MessageAttributeNames`,
/// `AttributeNames` and `MessageSystemAttributeNames` (AWS's recorded answers in LocalStack's
/// test_receive_message_message_attribute_names_filters and test_receive_message_attribute_names_filters).
@Suite("Receive attribute selection")
struct AttributeSelectionTests {
    let attributes: [String: MessageAttributeValue] = [
        "Help.Me": MessageAttributeValue(dataType: "String", stringValue: "Me"),
        "Hello": MessageAttributeValue(dataType: "String", stringValue: "There"),
        "General": MessageAttributeValue(dataType: "String", stringValue: "Kenobi"),
    ]

    func selected(_ names: [String]) -> Set<String> {
        Set(MessageAttributeSelection(names).select(attributes).keys)
    }

    @Test func wildcardsSelectEveryAttribute() {
        for names in [["All"], ["*"], [".*"], ["Foo", ".*"]] {
            #expect(selected(names) == ["Help.Me", "Hello", "General"], "\(names)")
            #expect(MessageAttributeSelection(names).selectsAll)
        }
    }

    @Test func aPrefixSelectsNamesStartingWithIt() {
        #expect(selected(["Hel.*"]) == ["Hello", "Help.Me"])
        #expect(selected(["Help.*"]) == ["Help.Me"])
        #expect(selected(["Gen.*", "Hello"]) == ["General", "Hello"])
    }

    @Test func namesSelectThemselvesAndUnknownOrIllegalNamesNothing() {
        #expect(selected(["Hello", "General"]) == ["Hello", "General"])
        #expect(selected(["Foo", "Hello"]) == ["Hello"])
        #expect(selected(["Foo", "Help"]).isEmpty)
        #expect(selected(["AWS."]).isEmpty)
        #expect(selected(["..foo"]).isEmpty)
        #expect(selected([]).isEmpty)
        #expect(MessageAttributeSelection([]).selectsNone)
    }

    @Test func systemAttributesAreAllOrNamed() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q", ["VisibilityTimeout": "0"])
        try await fixture.send("m", to: "q")
        func received(_ names: [String]) async throws -> [String: String] {
            try await fixture.store.receive(fromQueue: "q", ReceiveRequest(systemAttributeNames: names))[0].attributes
        }
        #expect(Set(try await received(["All"]).keys)
                == ["SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp"])
        #expect(try await received(["SenderId", "SequenceNumber"]) == ["SenderId": "tester"])
        #expect(try await received([]).isEmpty)
        #expect(try await received(["AWSTraceHeader"]).isEmpty)
    }

    @Test func theTraceHeaderComesFromTheRequestUnlessTheSystemAttributeGivesOne() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        let fromHeader = OutgoingMessage(body: "header", traceHeader: "Root=1-header")
        let fromAttribute = OutgoingMessage(
            body: "attribute",
            systemAttributes: ["AWSTraceHeader": MessageAttributeValue(dataType: "String", stringValue: "Root=1-attribute")],
            traceHeader: "Root=1-header")
        let sent = try await fixture.store.send([fromHeader, fromAttribute], toQueue: "q", senderId: "tester").map { try $0.get() }
        // Only a system attribute the request carried has a digest.
        #expect(sent[0].md5OfMessageSystemAttributes == nil)
        #expect(sent[1].md5OfMessageSystemAttributes != nil)
        let received = try await fixture.store.receive(
            fromQueue: "q", ReceiveRequest(maxMessages: 10, systemAttributeNames: ["AWSTraceHeader"]))
        #expect(Dictionary(uniqueKeysWithValues: received.map { ($0.body, $0.attributes) })
                == ["header": ["AWSTraceHeader": "Root=1-header"], "attribute": ["AWSTraceHeader": "Root=1-attribute"]])
    }
}
