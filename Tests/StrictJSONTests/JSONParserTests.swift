import StrictJSON
import Testing

struct JSONParserTests {
    private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func syntaxError(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#"{"a": [1, -2, 1.5, 2e3, true, false, null], "b": {"c": "x\"\\\/\n\u00e9\ud83d\ude00"}}"#)
        #expect(value == [
            "a": [1, -2, .number(1.5), .number(2000), true, false, .null],
            "b": ["c": "x\"\\/\né😀"],
        ])
    }

    @Test func refusesMalformedUTF8InStringsWithOrWithoutEscapes() throws {
        let withoutEscape = Array(#"{"a": ""#.utf8) + [0xFF] + Array(#""}"#.utf8)
        let afterEscape = Array(#"{"a": "\n"#.utf8) + [0xC3] + Array(#""}"#.utf8)
        for (bytes, expected) in [(withoutEscape, "line 1, column 8"), (afterEscape, "line 1, column 10")] {
            do {
                _ = try JSONParser.parse(bytes)
                Issue.record("accepted malformed UTF-8")
            } catch {
                #expect(error.description == expected + ": malformed UTF-8 in a string")
            }
        }
        #expect(try parse(#"["plain", "esc\\aped", "é"]"#) == ["plain", "esc\\aped", "é"])
    }

    @Test func keepsIntegersApartFromNumbersWithAFraction() throws {
        #expect(try parse("600") == .integer(600))
        #expect(try parse("600.0") == .number(600))
        #expect(try parse("99999999999999999999") == .number(1e20))
    }

    @Test(arguments: [
        ("{\n  \"a\": 1\n  \"b\": 2\n}", #"line 3, column 3: unexpected '"'; expected ',' or '}' after the value of "a""#),
        ("{\"a\": 1,}", "line 1, column 9: trailing comma before '}'"),
        ("[1, 2,]", "line 1, column 7: trailing comma before ']'"),
        ("[1 2]", "line 1, column 4: unexpected '2'; expected ',' or ']' in an array"),
        ("{\"a\": tru}", "line 1, column 10: unexpected '}'; expected true"),
        ("{\"a\": 01}", "line 1, column 8: leading zero in a number"),
        ("{\"a\": -}", "line 1, column 8: expected a digit after a minus sign"),
        ("{\"a\": 1.}", "line 1, column 9: expected a digit after a decimal point"),
        ("{\"a\": \"x", "line 1, column 9: unexpected end of file inside a string"),
        ("{\"a\": \"\u{01}\"}", "line 1, column 8: control character in a string; escape it"),
        ("{\"a\": \"\\é\"}", "line 1, column 8: invalid escape '\\é'"),
        ("{\"a\": \"\\q\"}", #"line 1, column 8: invalid escape '\q'"#),
        ("{\"a\": \"\\u12\"}", #"line 1, column 12: expected four hexadecimal digits after \u"#),
        ("{\"a\": \"\\udc00\"}", #"line 1, column 8: lone low surrogate in \u escape"#),
        ("{\"a\": \"\\ud83d\"}", "line 1, column 8: high surrogate not followed by a low surrogate"),
        ("{\"a\": \"\\ud83d\\u0041\"}", #"line 1, column 14: invalid low surrogate in \u escape"#),
        ("{\"a\": 1, \"a\": 2}", #"line 1, column 10: duplicate key "a""#),
        ("{a: 1}", "line 1, column 2: unexpected 'a'; expected a quoted key"),
        ("{\"a\" 1}", #"line 1, column 6: unexpected '1'; expected ':' after key "a""#),
        ("", "line 1, column 1: unexpected end of file; expected a value"),
        ("{} {}", "line 1, column 4: unexpected '{' after the top-level value"),
        ("{\"é\": 1,\n \"b\": é}", "line 2, column 7: unexpected 'é'; expected a value"),
    ])
    func reportsLineAndColumn(text: String, expected: String) {
        #expect(syntaxError(text) == expected)
    }

    @Test func refusesNestingDeeperThanAnyDefinitionNeeds() {
        #expect(syntaxError(String(repeating: "[", count: 300)) == "line 1, column 257: nesting deeper than 256 levels")
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(syntaxError("{\"ééé\": x}") == "line 1, column 9: unexpected 'x'; expected a value")
    }
}
