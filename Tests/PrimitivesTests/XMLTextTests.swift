import Primitives
import Testing

@Suite("XML text escaping")
struct XMLTextTests {
    @Test("the five special characters become entities and a carriage return survives a parser")
    func specials() {
        #expect(XMLText.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;")
        #expect(XMLText.escape("line\r\nnext\ttab") == "line&#xD;\nnext\ttab")
        #expect(XMLText.escape("R&amp;D") == "R&amp;amp;D", "an entity in the text is text")
    }

    @Test("characters XML forbids become U+FFFD")
    func forbidden() {
        #expect(XMLText.escape("a\u{0}b\u{1B}c\u{FFFE}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        #expect(XMLText.escape("héllo 😀") == "héllo 😀")
    }
}
