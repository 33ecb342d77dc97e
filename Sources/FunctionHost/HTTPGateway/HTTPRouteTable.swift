import Foundation

/// Picks the route a request goes to, by API Gateway's rules for HTTP APIs ("Routing API
/// requests"): a full match of the path and the method first, then a route whose greedy
/// variable takes the rest of the path, then `$default`. Among matching paths a literal segment
/// beats a variable, and a variable beats a greedy one, segment by segment from the left; among
/// routes of one path a method of its own beats `ANY`.
public struct HTTPRouteTable: Sendable {
    public struct Match: Sendable, Equatable {
        public let route: HTTPRoute
        /// Variable values, percent-decoded as API Gateway passes them; empty when the route has none.
        public let pathParameters: [String: String]
    }

    public let routes: [HTTPRoute]
    /// The stages of the REST APIs, the first segment of their routes' paths.
    let restStages: Set<String>

    public init(routes: [HTTPRoute]) {
        self.routes = routes
        restStages = Set(routes.compactMap { route in
            if case .rest(let stage) = route.api { stage } else { nil }
        })
    }

    /// The route `method` and `rawPath` (as sent, percent-encoded) go to, if any.
    public func match(method: String, rawPath: String) -> Match? {
        let path = Self.segments(of: rawPath)
        var best: (match: Match, rank: Rank)?
        for route in routes {
            guard route.method == method || route.method == HTTPRoute.anyMethod else { continue }
            let rank: Rank
            let values: [String: String]
            if let template = route.servedPath {
                guard let matched = template.match(path) else { continue }
                values = matched
                rank = Rank(isDefault: false, isGreedy: template.isGreedy, specificity: template.specificity, anyMethod: route.method == HTTPRoute.anyMethod)
            } else {
                values = [:]
                rank = Rank(isDefault: true, isGreedy: false, specificity: [], anyMethod: true)
            }
            if best.map({ rank < $0.rank }) ?? true {
                best = (Match(route: route, pathParameters: values), rank)
            }
        }
        return best?.match
    }

    /// Whether a request that matched nothing was meant for a REST API (its first segment is a
    /// REST API's stage), which answers it as REST APIs do.
    public func isUnderRESTStage(rawPath: String) -> Bool {
        guard let first = Self.segments(of: rawPath).first else { return false }
        return restStages.contains(first)
    }

    /// The path's segments, each percent-decoded (a malformed escape is kept as sent).
    static func segments(of rawPath: String) -> [String] {
        guard rawPath != "/" else { return [] }
        let trimmed = rawPath.hasPrefix("/") ? rawPath.dropFirst() : Substring(rawPath)
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.removingPercentEncoding ?? String(segment)
        }
    }

    /// Lower is a better match.
    private struct Rank: Comparable {
        let isDefault: Bool
        let isGreedy: Bool
        let specificity: [Int]
        let anyMethod: Bool

        static func < (left: Rank, right: Rank) -> Bool {
            if left.isDefault != right.isDefault { return !left.isDefault }
            if left.isGreedy != right.isGreedy { return !left.isGreedy }
            if left.specificity != right.specificity { return left.specificity.lexicographicallyPrecedes(right.specificity) }
            return !left.anyMethod && right.anyMethod
        }
    }
}
