import Foundation

/// A query string's parameters, percent-decoded as API Gateway passes them ("API Gateway decodes
/// URL-encoded request parameters"); `+` stays a plus sign, as percent-decoding leaves it.
struct QueryString {
    /// In the order written; `flag` without `=` has the empty value.
    let parameters: [(name: String, value: String)]

    init(_ raw: String) {
        parameters = raw.split(separator: "&").map { pair in
            let name = pair.prefix { $0 != "=" }
            let value = pair.dropFirst(name.count + 1)
            return (Self.decoded(name), Self.decoded(value))
        }
    }

    /// Each name with its values in order.
    var grouped: [String: [String]] {
        parameters.reduce(into: [:]) { groups, parameter in groups[parameter.name, default: []].append(parameter.value) }
    }

    private static func decoded(_ text: Substring) -> String {
        text.removingPercentEncoding ?? String(text)
    }
}
