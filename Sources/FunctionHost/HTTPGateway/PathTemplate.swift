import Foundation

/// A route's resource path as API Gateway reads it: literal segments, `{name}` variables that
/// take one segment, and at the end at most one greedy `{name+}` that takes the rest (at least
/// one segment).
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case variable(String)
        case greedy(String)
    }

    public let segments: [Segment]

    /// Variable names API Gateway accepts: letters, digits and `_`, `-`, `.`.
    private static let nameCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-."))

    /// Parses `/webhooks/{integration}`; the path must start with `/` (`/` alone is the root).
    public init(parsing text: String) throws(PathTemplateError) {
        guard text.hasPrefix("/") else { throw PathTemplateError(path: text, reason: "must start with /") }
        guard text != "/" else {
            segments = []
            return
        }
        var segments: [Segment] = []
        var names: Set<String> = []
        let parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            guard !part.isEmpty else { throw PathTemplateError(path: text, reason: "has an empty segment (//, or / at the end)") }
            guard part.hasPrefix("{") && part.hasSuffix("}") else {
                guard !part.contains("{") && !part.contains("}") else {
                    throw PathTemplateError(path: text, reason: "has '\(part)': a path variable must be a whole segment, such as {id}")
                }
                segments.append(.literal(String(part)))
                continue
            }
            var name = part.dropFirst().dropLast()
            let isGreedy = name.hasSuffix("+")
            if isGreedy { name = name.dropLast() }
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.nameCharacters.contains) else {
                throw PathTemplateError(path: text, reason: "has '\(part)': a variable's name is letters, digits, _, - and .")
            }
            guard names.insert(String(name)).inserted else {
                throw PathTemplateError(path: text, reason: "names the variable '\(name)' twice")
            }
            if isGreedy {
                guard index == parts.count - 1 else {
                    throw PathTemplateError(path: text, reason: "has the greedy variable '\(part)' before its end; it must be the last segment")
                }
                segments.append(.greedy(String(name)))
            } else {
                segments.append(.variable(String(name)))
            }
        }
        self.segments = segments
    }

    private init(segments: [Segment]) {
        self.segments = segments
    }

    public var description: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .variable(let name): "{\(name)}"
            case .greedy(let name): "{\(name)+}"
            }
        }.joined(separator: "/")
    }

    /// The template with variables unnamed: two routes of one API with the same method and
    /// shape are the same route to API Gateway (`/a/{x}` and `/a/{y}` conflict).
    public var shape: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .variable: "{}"
            case .greedy: "{+}"
            }
        }.joined(separator: "/")
    }

    /// The same template under a literal first segment (a REST API's stage).
    func prefixed(by segment: String) -> PathTemplate {
        PathTemplate(segments: [.literal(segment)] + segments)
    }

    var isGreedy: Bool {
        if case .greedy? = segments.last { true } else { false }
    }

    /// The values of the variables when `path` (percent-decoded segments) matches, else `nil`.
    func match(_ path: [String]) -> [String: String]? {
        var values: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .literal(let text):
                guard index < path.count, path[index] == text else { return nil }
            case .variable(let name):
                guard index < path.count, !path[index].isEmpty else { return nil }
                values[name] = path[index]
            case .greedy(let name):
                let rest = path[min(index, path.count)...].joined(separator: "/")
                guard !rest.isEmpty else { return nil }
                values[name] = rest
                return values
            }
        }
        return path.count == segments.count ? values : nil
    }

    /// How specific the template is, segment by segment (literal, then variable, then greedy):
    /// of two templates matching one path, the one whose rank is lower wins.
    var specificity: [Int] {
        segments.map { segment in
            switch segment {
            case .literal: 0
            case .variable: 1
            case .greedy: 2
            }
        }
    }
}
