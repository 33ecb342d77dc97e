import StrictJSON
import Testing

@testable import EventSourceMapping

/// AWS Lambda event filtering for SQS: each operator both ways, how fields, match lists and
/// patterns combine, the body format check, metadata fields, and every refusal rule.
struct FilterCriteriaTests {
    // MARK: Helpers

    /// A record as the poller hands it to filtering.
    private func message(
        _ body: String, attributes: [String: String] = [:], messageAttributes: [String: JSONValue] = [:]
    ) -> JSONValue {
        [
            "body": .string(body),
            "attributes": .object(attributes.mapValues(JSONValue.string)),
            "messageAttributes": .object(messageAttributes),
        ]
    }

    private func criteria(_ patterns: String...) throws -> FilterCriteria {
        try FilterCriteria(patterns: patterns)
    }

    /// Whether a JSON body matches `{"body": {"v": rule}}`.
    private func field(_ rule: String, matches body: String) throws -> Bool {
        try criteria(#"{"body": {"v": \#(rule)}}"#).matches(message(body))
    }

    /// The refusal of `patterns`, or nil when they are accepted.
    private func refusal(of patterns: [String]) -> FilterPatternError? {
        do {
            _ = try FilterCriteria(patterns: patterns)
            return nil
        } catch {
            return error
        }
    }

    private func refusalMessage(of pattern: String) -> String? {
        refusal(of: [pattern])?.message
    }

    // MARK: No filters

    @Test func noFiltersDeliverEveryMessage() throws {
        #expect(FilterCriteria.none.isEmpty)
        #expect(FilterCriteria.none.matches(message("anything")))
        #expect(try FilterCriteria(patterns: []) == .none)
        #expect(try !criteria(#"{"body": ["x"]}"#).isEmpty)
    }

    // MARK: Equality

    @Test func exactStringsCompareEveryCharacterWithoutNormalization() throws {
        #expect(try field(#"["Alice"]"#, matches: #"{"v": "Alice"}"#))
        #expect(try !field(#"["Alice"]"#, matches: #"{"v": "alice"}"#))
        #expect(try !field(#"["Alice"]"#, matches: #"{"v": "Alice "}"#))
        // A precomposed "é" is not "e" followed by a combining acute accent, though Swift's `==` says so.
        #expect(try field(#"["caf\u00e9"]"#, matches: #"{"v": "caf\u00e9"}"#))
        #expect(try !field(#"["caf\u00e9"]"#, matches: #"{"v": "cafe\u0301"}"#))
    }

    @Test func exactNumbersCompareByTheirJSONForm() throws {
        #expect(try field("[300]", matches: #"{"v": 300}"#))
        #expect(try field("[-7]", matches: #"{"v": -7}"#))
        #expect(try field("[1.5]", matches: #"{"v": 1.5}"#))
        // AWS: "300, 300.0, and 3.0e2 are not considered equal".
        #expect(try !field("[300]", matches: #"{"v": 300.0}"#))
        #expect(try !field("[300.0]", matches: #"{"v": 300}"#))
        #expect(try !field("[300]", matches: #"{"v": 301}"#))
        #expect(try !field("[300]", matches: #"{"v": "300"}"#))
        #expect(try !field(#"["300"]"#, matches: #"{"v": 300}"#))
    }

    @Test func booleansMatchOnlyJSONBooleans() throws {
        #expect(try field("[true]", matches: #"{"v": true}"#))
        #expect(try field("[false]", matches: #"{"v": false}"#))
        #expect(try !field("[true]", matches: #"{"v": false}"#))
        #expect(try !field("[true]", matches: #"{"v": "true"}"#))
    }

    @Test func nullMatchesOnlyANullValue() throws {
        #expect(try field("[null]", matches: #"{"v": null}"#))
        #expect(try !field("[null]", matches: #"{"v": ""}"#))
        #expect(try !field("[null]", matches: #"{"v": "null"}"#))
        #expect(try !field("[null]", matches: #"{"other": 1}"#))
    }

    @Test func emptyStringMatchesOnlyAnEmptyString() throws {
        #expect(try field(#"[""]"#, matches: #"{"v": ""}"#))
        #expect(try !field(#"[""]"#, matches: #"{"v": " "}"#))
        #expect(try !field(#"[""]"#, matches: #"{"v": null}"#))
        #expect(try !field(#"[""]"#, matches: #"{"other": 1}"#))
    }

    @Test func equalsIgnoreCaseFoldsCaseOnly() throws {
        let rule = #"[{"equals-ignore-case": "alice"}]"#
        #expect(try field(rule, matches: #"{"v": "ALICE"}"#))
        #expect(try field(rule, matches: #"{"v": "Alice"}"#))
        #expect(try !field(rule, matches: #"{"v": "Alicia"}"#))
        #expect(try !field(#"[{"equals-ignore-case": "5"}]"#, matches: #"{"v": 5}"#))
    }

    // MARK: Prefix and suffix

    @Test func prefixMatchesTheStartOfAString() throws {
        let rule = #"[{"prefix": "us-"}]"#
        #expect(try field(rule, matches: #"{"v": "us-east-1"}"#))
        #expect(try field(rule, matches: #"{"v": "us-"}"#))
        #expect(try !field(rule, matches: #"{"v": "eu-west-1"}"#))
        #expect(try !field(rule, matches: #"{"v": "US-EAST-1"}"#))
        #expect(try !field(#"[{"prefix": "12"}]"#, matches: #"{"v": 123}"#))
    }

    @Test func prefixCanIgnoreCase() throws {
        let rule = #"[{"prefix": {"equals-ignore-case": "EventB"}}]"#
        #expect(try field(rule, matches: #"{"v": "eventbridge"}"#))
        #expect(try field(rule, matches: #"{"v": "EVENTBUS"}"#))
        #expect(try !field(rule, matches: #"{"v": "events"}"#))
    }

    @Test func suffixMatchesTheEndOfAString() throws {
        let rule = #"[{"suffix": ".png"}]"#
        #expect(try field(rule, matches: #"{"v": "photo.png"}"#))
        #expect(try !field(rule, matches: #"{"v": "photo.PNG"}"#))
        #expect(try !field(rule, matches: #"{"v": "photo.png.txt"}"#))
        #expect(try !field(rule, matches: #"{"v": "png"}"#))
        #expect(try !field(#"[{"suffix": "5"}]"#, matches: #"{"v": 25}"#))
    }

    @Test func suffixCanIgnoreCase() throws {
        let rule = #"[{"suffix": {"equals-ignore-case": ".PNG"}}]"#
        #expect(try field(rule, matches: #"{"v": "photo.png"}"#))
        #expect(try field(rule, matches: #"{"v": "PHOTO.Png"}"#))
        #expect(try !field(rule, matches: #"{"v": "photo.jpg"}"#))
    }

    // MARK: Anything-but

    @Test func anythingButExcludesStrings() throws {
        #expect(try field(#"[{"anything-but": "Raining"}]"#, matches: #"{"v": "Sunny"}"#))
        #expect(try field(#"[{"anything-but": "Raining"}]"#, matches: #"{"v": "raining"}"#))
        #expect(try !field(#"[{"anything-but": "Raining"}]"#, matches: #"{"v": "Raining"}"#))
        let list = #"[{"anything-but": ["Raining", "Snowing"]}]"#
        #expect(try !field(list, matches: #"{"v": "Snowing"}"#))
        #expect(try field(list, matches: #"{"v": "Sunny"}"#))
        // A value of another kind is never excluded by a string.
        #expect(try field(list, matches: #"{"v": 5}"#))
    }

    @Test func anythingButExcludesNumbersByValue() throws {
        #expect(try !field(#"[{"anything-but": 100}]"#, matches: #"{"v": 100}"#))
        #expect(try !field(#"[{"anything-but": 100}]"#, matches: #"{"v": 100.0}"#))
        #expect(try field(#"[{"anything-but": 100}]"#, matches: #"{"v": 101}"#))
        #expect(try field(#"[{"anything-but": 100}]"#, matches: #"{"v": "100"}"#))
        let list = #"[{"anything-but": [100, 200.5]}]"#
        #expect(try !field(list, matches: #"{"v": 200.5}"#))
        #expect(try field(list, matches: #"{"v": 150}"#))
    }

    @Test func anythingButPrefixAndSuffixExcludeMatchingStrings() throws {
        let prefix = #"[{"anything-but": {"prefix": "init"}}]"#
        #expect(try !field(prefix, matches: #"{"v": "initializing"}"#))
        #expect(try field(prefix, matches: #"{"v": "running"}"#))
        #expect(try field(prefix, matches: #"{"v": 5}"#))
        let suffix = #"[{"anything-but": {"suffix": ".png"}}]"#
        #expect(try !field(suffix, matches: #"{"v": "photo.png"}"#))
        #expect(try field(suffix, matches: #"{"v": "photo.jpg"}"#))
    }

    @Test func anythingButOverAnArrayNeedsOneValueItLetsThrough() throws {
        let rule = #"[{"anything-but": "a"}]"#
        #expect(try field(rule, matches: #"{"v": ["a", "b"]}"#))
        #expect(try !field(rule, matches: #"{"v": ["a", "a"]}"#))
    }

    // MARK: Numeric

    @Test func numericRangeComparesNumbersAsNumbers() throws {
        let range = #"[{"numeric": [">", 0, "<=", 5]}]"#
        #expect(try field(range, matches: #"{"v": 0.5}"#))
        #expect(try field(range, matches: #"{"v": 5}"#))
        #expect(try field(range, matches: #"{"v": 5.0}"#))
        #expect(try !field(range, matches: #"{"v": 0}"#))
        #expect(try !field(range, matches: #"{"v": 5.01}"#))
        #expect(try !field(range, matches: #"{"v": -1}"#))
        let halfOpen = #"[{"numeric": [">=", 1, "<", 2]}]"#
        #expect(try field(halfOpen, matches: #"{"v": 1}"#))
        #expect(try !field(halfOpen, matches: #"{"v": 2}"#))
    }

    @Test func numericEqualsAcceptsAnyFormOfTheNumber() throws {
        let rule = #"[{"numeric": ["=", 100]}]"#
        #expect(try field(rule, matches: #"{"v": 100}"#))
        #expect(try field(rule, matches: #"{"v": 100.0}"#))
        #expect(try field(rule, matches: #"{"v": 1e2}"#))
        #expect(try !field(rule, matches: #"{"v": 101}"#))
    }

    @Test func numericSingleComparisons() throws {
        #expect(try field(#"[{"numeric": ["<", 10]}]"#, matches: #"{"v": 9.99}"#))
        #expect(try !field(#"[{"numeric": ["<", 10]}]"#, matches: #"{"v": 10}"#))
        #expect(try field(#"[{"numeric": ["<=", 10]}]"#, matches: #"{"v": 10}"#))
        #expect(try !field(#"[{"numeric": [">", 10]}]"#, matches: #"{"v": 10}"#))
        #expect(try field(#"[{"numeric": [">", 10]}]"#, matches: #"{"v": 11}"#))
        #expect(try field(#"[{"numeric": [">=", 10]}]"#, matches: #"{"v": 10}"#))
        #expect(try !field(#"[{"numeric": [">=", 10]}]"#, matches: #"{"v": 9}"#))
    }

    @Test func numericMatchesOnlyJSONNumbers() throws {
        let rule = #"[{"numeric": [">", 0]}]"#
        #expect(try !field(rule, matches: #"{"v": "3"}"#))
        #expect(try !field(rule, matches: #"{"v": true}"#))
        #expect(try !field(rule, matches: #"{"v": null}"#))
    }

    // MARK: Exists

    @Test func existsTrueNeedsALeafValue() throws {
        let rule = #"[{"exists": true}]"#
        #expect(try field(rule, matches: #"{"v": "x"}"#))
        #expect(try field(rule, matches: #"{"v": ""}"#))
        #expect(try field(rule, matches: #"{"v": null}"#))
        #expect(try !field(rule, matches: #"{"other": 1}"#))
        // "Exists matching only works on leaf nodes."
        #expect(try !field(rule, matches: #"{"v": {"c1": 100}}"#))
    }

    @Test func existsFalseMatchesAnAbsentField() throws {
        let rule = #"[{"exists": false}]"#
        #expect(try field(rule, matches: #"{"other": 1}"#))
        #expect(try !field(rule, matches: #"{"v": "x"}"#))
        #expect(try !field(rule, matches: #"{"v": null}"#))
        #expect(try field(rule, matches: #"{"v": {"c1": 100}}"#))
        // The field is absent too when its parent is.
        let deep = try criteria(#"{"body": {"order": {"coupon": [{"exists": false}]}}}"#)
        #expect(deep.matches(message(#"{"customer": "c1"}"#)))
        #expect(!deep.matches(message(#"{"order": {"coupon": "SAVE10"}}"#)))
    }

    @Test(arguments: [
        #"["x"]"#, #"[""]"#, "[null]", "[0]", "[true]", #"[{"prefix": ""}]"#, #"[{"suffix": ""}]"#,
        #"[{"equals-ignore-case": "x"}]"#, #"[{"anything-but": "x"}]"#, #"[{"anything-but": [1, 2]}]"#,
        #"[{"anything-but": {"prefix": "x"}}]"#, #"[{"numeric": [">", 0]}]"#, #"[{"exists": true}]"#,
    ])
    func anAbsentFieldMatchesNoOtherMatcher(rule: String) throws {
        #expect(try !field(rule, matches: #"{"other": 1}"#))
        #expect(try field(#"[\#(rule.dropFirst().dropLast()), {"exists": false}]"#, matches: #"{"other": 1}"#))
    }

    // MARK: Combining

    @Test func everyFieldOfAPatternMustMatch() throws {
        let both = try criteria(#"{"body": {"a": ["x"], "b": ["y"]}}"#)
        #expect(both.matches(message(#"{"a": "x", "b": "y", "c": "ignored"}"#)))
        #expect(!both.matches(message(#"{"a": "x", "b": "z"}"#)))
        #expect(!both.matches(message(#"{"a": "x"}"#)))
        let bodyAndAttribute = try criteria(#"{"body": {"a": ["x"]}, "attributes": {"MessageGroupId": ["g1"]}}"#)
        #expect(bodyAndAttribute.matches(message(#"{"a": "x"}"#, attributes: ["MessageGroupId": "g1"])))
        #expect(!bodyAndAttribute.matches(message(#"{"a": "x"}"#, attributes: ["MessageGroupId": "g2"])))
        #expect(!bodyAndAttribute.matches(message(#"{"a": "y"}"#, attributes: ["MessageGroupId": "g1"])))
    }

    @Test func anyEntryOfAMatchListWillDo() throws {
        let rule = #"["Credit", "Debit", {"prefix": "Gift"}]"#
        #expect(try field(rule, matches: #"{"v": "Debit"}"#))
        #expect(try field(rule, matches: #"{"v": "GiftCard"}"#))
        #expect(try !field(rule, matches: #"{"v": "Cash"}"#))
    }

    @Test func anyPatternWillDo() throws {
        let either = try criteria(#"{"body": {"a": ["x"]}}"#, #"{"body": {"b": ["y"]}}"#)
        #expect(either.matches(message(#"{"a": "x"}"#)))
        #expect(either.matches(message(#"{"b": "y"}"#)))
        #expect(!either.matches(message(#"{"a": "y", "b": "x"}"#)))
    }

    @Test func nestedPatternsFollowTheObjects() throws {
        let tier = try criteria(#"{"body": {"order": {"customer": {"tier": ["gold"]}}}}"#)
        #expect(tier.matches(message(#"{"order": {"id": 7, "customer": {"tier": "gold"}}}"#)))
        #expect(!tier.matches(message(#"{"order": {"customer": {"tier": "silver"}}}"#)))
        #expect(!tier.matches(message(#"{"order": {"id": 7}}"#)))
        #expect(!tier.matches(message(#"{"order": "gold"}"#)))
        // A matcher list wants a leaf: an object in its place does not match.
        #expect(try !field(#"["x"]"#, matches: #"{"v": {"w": "x"}}"#))
    }

    @Test func anArrayInTheMessageMatchesWhenOneElementDoes() throws {
        let rule = #"["urgent"]"#
        #expect(try field(rule, matches: #"{"v": ["low", "urgent"]}"#))
        #expect(try field(rule, matches: #"{"v": [["urgent"]]}"#))
        #expect(try !field(rule, matches: #"{"v": ["low"]}"#))
        #expect(try !field(rule, matches: #"{"v": []}"#))
    }

    @Test func fieldsMatchedTogetherComeFromOneArrayElement() throws {
        let anna = try criteria(#"{"body": {"employees": {"firstName": ["Anna"], "lastName": ["Smith"]}}}"#)
        let annaSmith = #"{"employees": [{"firstName": "John", "lastName": "Doe"}, {"firstName": "Anna", "lastName": "Smith"}]}"#
        let mixed = #"{"employees": [{"firstName": "Anna", "lastName": "Jones"}, {"firstName": "Peter", "lastName": "Smith"}]}"#
        #expect(anna.matches(message(annaSmith)))
        #expect(!anna.matches(message(mixed)))
    }

    @Test func orNeedsOneAlternativeBesideTheOtherFields() throws {
        let alert = try criteria(
            #"{"body": {"source": ["app"], "$or": [{"level": ["error"]}, {"code": [{"numeric": [">=", 500]}]}]}}"#
        )
        #expect(alert.matches(message(#"{"source": "app", "level": "error"}"#)))
        #expect(alert.matches(message(#"{"source": "app", "level": "info", "code": 503}"#)))
        #expect(!alert.matches(message(#"{"source": "app", "level": "info", "code": 200}"#)))
        #expect(!alert.matches(message(#"{"source": "web", "level": "error"}"#)))
    }

    @Test func orAtTheTopCanMixTheBodyAndAttributes() throws {
        let either = try criteria(#"{"$or": [{"body": {"a": ["x"]}}, {"attributes": {"MessageGroupId": ["g1"]}}]}"#)
        #expect(either.matches(message(#"{"a": "x"}"#)))
        // Only the alternative that names `body` is held to the body format check.
        #expect(either.matches(message("plain text", attributes: ["MessageGroupId": "g1"])))
        #expect(!either.matches(message("plain text", attributes: ["MessageGroupId": "g2"])))
    }

    // MARK: Body format check

    @Test func aJSONPatternDropsABodyThatIsNotJSON() throws {
        let absentCoupon = try criteria(#"{"body": {"coupon": [{"exists": false}]}}"#)
        #expect(!absentCoupon.matches(message("hello")))
        #expect(!absentCoupon.matches(message(#"{"unterminated": "#)))
        #expect(absentCoupon.matches(message(#"{"total": 1}"#)))
        // A body counts as JSON when it is an object: a bare scalar or array is text.
        #expect(!absentCoupon.matches(message("123")))
        #expect(!absentCoupon.matches(message(#"[{"total": 1}]"#)))
    }

    @Test func aPlainPatternDropsABodyThatIsAJSONObject() throws {
        #expect(try !criteria(#"{"body": [{"prefix": "{"}]}"#).matches(message(#"{"a": 1}"#)))
        #expect(try criteria(#"{"body": [{"prefix": "{"}]}"#).matches(message("{not json")))
        #expect(try !criteria(#"{"body": [{"exists": true}]}"#).matches(message("{}")))
    }

    @Test func plainBodiesMatchPlainPatterns() throws {
        #expect(try criteria(#"{"body": ["hello"]}"#).matches(message("hello")))
        #expect(try !criteria(#"{"body": ["hello"]}"#).matches(message("hello!")))
        #expect(try criteria(#"{"body": [{"prefix": "ORDER#"}]}"#).matches(message("ORDER#12")))
        // A body that is a JSON scalar or array is text to a plain pattern, compared as sent.
        #expect(try criteria(#"{"body": ["123"]}"#).matches(message("123")))
        #expect(try criteria(#"{"body": ["[1, 2]"]}"#).matches(message("[1, 2]")))
    }

    @Test func withoutABodyPatternTheBodyFormatDoesNotMatter() throws {
        let group = try criteria(#"{"attributes": {"MessageGroupId": ["g1"]}}"#)
        #expect(group.matches(message("plain text", attributes: ["MessageGroupId": "g1"])))
        #expect(group.matches(message(#"{"a": 1}"#, attributes: ["MessageGroupId": "g1"])))
        #expect(!group.matches(message("plain text", attributes: ["MessageGroupId": "g2"])))
    }

    // MARK: Metadata

    @Test func attributesAreMatchedAsTheStringsTheyAre() throws {
        let attributes = ["ApproximateReceiveCount": "1", "SenderId": "AIDAEXAMPLE"]
        #expect(try criteria(#"{"attributes": {"ApproximateReceiveCount": ["1"]}}"#)
            .matches(message("x", attributes: attributes)))
        #expect(try criteria(#"{"attributes": {"SenderId": [{"prefix": "AIDA"}]}}"#)
            .matches(message("x", attributes: attributes)))
        #expect(try !criteria(#"{"attributes": {"ApproximateReceiveCount": [1]}}"#)
            .matches(message("x", attributes: attributes)))
        #expect(try !criteria(#"{"attributes": {"ApproximateReceiveCount": [{"numeric": ["=", 1]}]}}"#)
            .matches(message("x", attributes: attributes)))
    }

    @Test func messageAttributesAreMatchedThroughTheirFields() throws {
        let attributes: [String: JSONValue] = [
            "Type": ["stringValue": "order", "dataType": "String", "stringListValues": [], "binaryListValues": []]
        ]
        let record = message("x", messageAttributes: attributes)
        #expect(try criteria(#"{"messageAttributes": {"Type": {"stringValue": ["order"]}}}"#).matches(record))
        #expect(try criteria(#"{"messageAttributes": {"Type": {"dataType": [{"prefix": "String"}]}}}"#).matches(record))
        #expect(try !criteria(#"{"messageAttributes": {"Type": {"stringValue": ["refund"]}}}"#).matches(record))
        #expect(try !criteria(#"{"messageAttributes": {"Other": {"stringValue": [{"exists": true}]}}}"#).matches(record))
        #expect(try criteria(#"{"messageAttributes": {"Other": {"stringValue": [{"exists": false}]}}}"#).matches(record))
    }

    // MARK: Refusals

    @Test func aRefusalNamesThePatternAndAWSsWording() throws {
        let error = try #require(refusal(of: [#"{"body": ["ok"]}"#, #"{"body": []}"#]))
        #expect(error.index == 1)
        #expect(error.message == #"Invalid filter pattern definition. Field "body": empty arrays are not allowed; list at least one value or operator."#)
        #expect(error.description == "filter 1: " + error.message)
    }

    @Test func aPatternThatIsNotJSONIsRefused() throws {
        let message = try #require(refusalMessage(of: #"{"body": ["x"],}"#))
        #expect(message.hasPrefix("Invalid filter pattern definition. The pattern is not valid JSON (line 1, column "))
        #expect(refusalMessage(of: "") != nil)
    }

    @Test(arguments: [
        (#"["body"]"#, "an array"),
        (#""body""#, #"the string "body""#),
        ("{}", "an empty object"),
    ])
    func aPatternMustBeANonEmptyObject(pattern: String, found: String) {
        #expect(refusalMessage(of: pattern) == "Invalid filter pattern definition. The pattern must be a JSON object "
            + #"naming at least one field, like {"body": {"status": ["done"]}}; found \#(found)."#)
    }

    @Test(arguments: [
        (#"{"body": "x"}"#, #"Field "body": must be an object of nested fields or an array of values to match, like ["value"]; found the string "x"."#),
        (#"{"body": {"a": 5}}"#, #"Field "body.a": must be an object of nested fields or an array of values to match, like ["value"]; found the number 5."#),
        (#"{"body": {}}"#, #"Field "body": empty objects are not allowed; name at least one field to match."#),
        (#"{"body": {"a": []}}"#, #"Field "body.a": empty arrays are not allowed; list at least one value or operator."#),
        (#"{"a": [["x"]]}"#, #"Field "a": a value to match is a string, a number, true, false, null or an operator object like {"prefix": "us-"}; nested arrays are not allowed."#),
        (#"{"a": [{"prefix": "x", "suffix": "y"}]}"#, #"Field "a": an operator object holds exactly one operator; found 2 keys."#),
        (#"{"a": [{}]}"#, #"Field "a": an operator object holds exactly one operator; found 0 keys."#),
        (#"{"a": [{"contains": "x"}]}"#, #"Field "a": unknown operator "contains"; the operators are prefix, suffix, equals-ignore-case, anything-but, numeric and exists."#),
        (#"{"a": [{"wildcard": "*.png"}]}"#, #"Field "a": "wildcard" is an EventBridge operator that Lambda event filtering does not support."#),
        (#"{"a": [{"cidr": "10.0.0.0/24"}]}"#, #"Field "a": "cidr" is an EventBridge operator that Lambda event filtering does not support."#),
    ])
    func malformedFieldsAreRefused(pattern: String, reason: String) {
        #expect(refusalMessage(of: pattern) == "Invalid filter pattern definition. " + reason)
    }

    @Test(arguments: [
        (#"{"a": [{"prefix": 5}]}"#, #"Field "a": prefix takes a string, or {"equals-ignore-case": string} to ignore case; found the number 5."#),
        (#"{"a": [{"prefix": {"ignore": "x"}}]}"#, #"Field "a": prefix takes a string, or {"equals-ignore-case": string} to ignore case; found an object."#),
        (#"{"a": [{"suffix": null}]}"#, #"Field "a": suffix takes a string, or {"equals-ignore-case": string} to ignore case; found null."#),
        (#"{"a": [{"equals-ignore-case": ["x"]}]}"#, #"Field "a": equals-ignore-case takes a string; found an array."#),
        (#"{"a": [{"exists": "yes"}]}"#, #"Field "a": exists takes true or false; found the string "yes"."#),
    ])
    func misusedStringOperatorsAndExistsAreRefused(pattern: String, reason: String) {
        #expect(refusalMessage(of: pattern) == "Invalid filter pattern definition. " + reason)
    }

    @Test(arguments: [
        (#"{"a": [{"anything-but": null}]}"#, #"Field "a": anything-but takes a string, a number, a list of them, {"prefix": …} or {"suffix": …}; found null."#),
        (#"{"a": [{"anything-but": true}]}"#, #"Field "a": anything-but takes a string, a number, a list of them, {"prefix": …} or {"suffix": …}; found true."#),
        (#"{"a": [{"anything-but": []}]}"#, #"Field "a": an anything-but list holds at least one value, and only strings or only numbers."#),
        (#"{"a": [{"anything-but": ["x", 1]}]}"#, #"Field "a": an anything-but list holds at least one value, and only strings or only numbers."#),
        (#"{"a": [{"anything-but": [true]}]}"#, #"Field "a": an anything-but list holds at least one value, and only strings or only numbers."#),
        (#"{"a": [{"anything-but": {"prefix": ""}}]}"#, #"Field "a": anything-but prefix takes a non-empty string; found the string ""."#),
        (#"{"a": [{"anything-but": {"suffix": 5}}]}"#, #"Field "a": anything-but suffix takes a non-empty string; found the number 5."#),
        (#"{"a": [{"anything-but": {"equals-ignore-case": "x"}}]}"#, #"Field "a": anything-but with equals-ignore-case is an EventBridge form that Lambda event filtering does not support."#),
        (#"{"a": [{"anything-but": {"numeric": [">", 1]}}]}"#, #"Field "a": anything-but takes {"prefix": …} or {"suffix": …}; found operator "numeric"."#),
        (#"{"a": [{"anything-but": {"prefix": "a", "suffix": "b"}}]}"#, #"Field "a": an anything-but operator object holds exactly one operator; found 2 keys."#),
    ])
    func misusedAnythingButIsRefused(pattern: String, reason: String) {
        #expect(refusalMessage(of: pattern) == "Invalid filter pattern definition. " + reason)
    }

    @Test(arguments: [
        (#"{"numeric": 5}"#, #"numeric takes a non-empty array of comparisons and numbers, like [">", 0, "<=", 5]; found the number 5."#),
        (#"{"numeric": []}"#, #"numeric takes a non-empty array of comparisons and numbers, like [">", 0, "<=", 5]; found an empty array."#),
        (#"{"numeric": ["!=", 5]}"#, #"numeric comparisons are "=", "<", "<=", ">" and ">="; found the string "!="."#),
        (#"{"numeric": [5, ">"]}"#, #"numeric comparisons are "=", "<", "<=", ">" and ">="; found the number 5."#),
        (#"{"numeric": [">"]}"#, #"numeric ">" needs a number after it."#),
        (#"{"numeric": [">", "5"]}"#, #"numeric ">" needs a number after it."#),
        (#"{"numeric": [">", 0, "<"]}"#, #"numeric "<" needs a number after it."#),
        (#"{"numeric": ["=", 5, "<", 10]}"#, #"numeric "=" takes exactly one number; a range starts with its lower bound, like [">", 0, "<=", 5]."#),
        (#"{"numeric": ["<", 10, ">", 0]}"#, #"numeric "<" takes exactly one number; a range starts with its lower bound, like [">", 0, "<=", 5]."#),
        (#"{"numeric": [">", 0, ">", 10]}"#, #"a numeric range's upper bound takes "<" or "<=", not ">"."#),
        (#"{"numeric": [">", 10, "<", 10]}"#, #"a numeric range's lower bound must be less than its upper bound."#),
        (#"{"numeric": [">", 0, "<", 10, "<", 20]}"#, #"numeric has 6 terms; a range has four, like [">", 0, "<=", 5]."#),
    ])
    func misusedNumericIsRefused(matcher: String, reason: String) {
        #expect(refusalMessage(of: #"{"a": [\#(matcher)]}"#) == #"Invalid filter pattern definition. Field "a": "# + reason)
    }

    @Test(arguments: [
        (#"{"$or": {"a": ["x"]}}"#, #"Field "$or": $or takes an array of patterns, like [{"a": ["x"]}, {"b": ["y"]}]; found an object."#),
        (#"{"$or": [{"a": ["x"]}]}"#, #"Field "$or": $or needs at least two alternatives; found 1."#),
        (#"{"$or": [{"a": ["x"]}, ["b"]]}"#, #"Field "$or": each $or alternative must be an object naming at least one field."#),
        (#"{"body": {"$or": [{"a": ["x"]}, {}]}}"#, #"Field "body.$or": each $or alternative must be an object naming at least one field."#),
        (#"{"body": {"$or": [{"a": []}, {"b": ["y"]}]}}"#, #"Field "body.a": empty arrays are not allowed; list at least one value or operator."#),
    ])
    func misusedOrIsRefused(pattern: String, reason: String) {
        #expect(refusalMessage(of: pattern) == "Invalid filter pattern definition. " + reason)
    }

    // MARK: Limits

    @Test func aPatternMayBe4096CharactersLong() throws {
        let wrapper = (#"{"body": [""#, #""]}"#)
        let longest = wrapper.0 + String(repeating: "x", count: 4096 - 14) + wrapper.1
        #expect(longest.count == 4096)
        #expect(try criteria(longest).matches(message(String(repeating: "x", count: 4082))))
        let tooLong = wrapper.0 + String(repeating: "x", count: 4096 - 13) + wrapper.1
        #expect(refusalMessage(of: tooLong)
            == "Invalid filter pattern definition. The pattern is 4097 characters long; the limit is 4096.")
    }

    @Test func aMappingTakesAtMostTenFilters() throws {
        let pattern = #"{"body": ["x"]}"#
        #expect(try !FilterCriteria(patterns: Array(repeating: pattern, count: 10)).isEmpty)
        let error = try #require(refusal(of: Array(repeating: pattern, count: 11)))
        #expect(error.index == 10)
        #expect(error.message == "Too many filters: 11 given; an event source mapping takes at most 10 "
            + "(AWS allows 5 by default and 10 with a quota increase).")
    }
}
