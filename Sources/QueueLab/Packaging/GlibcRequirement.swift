import Foundation

/// The glibc an executable needs, read from `objdump -T`'s dynamic symbol table: each imported
/// symbol's `GLIBC_x.y` version. Pure.
public struct GlibcRequirement: Sendable, Equatable {
    /// A glibc version, compared part by part (2.34 < 2.35 < 2.4 is wrong; 2.4 < 2.34 is right).
    public struct Version: Sendable, Comparable, CustomStringConvertible {
        public let parts: [Int]

        public init?(_ text: some StringProtocol) {
            let parts = text.split(separator: ".").compactMap { Int($0) }
            guard !parts.isEmpty, parts.count == text.split(separator: ".").count else { return nil }
            self.parts = parts
        }

        public static func < (lhs: Version, rhs: Version) -> Bool {
            lhs.parts.lexicographicallyPrecedes(rhs.parts)
        }

        public var description: String { parts.map(String.init).joined(separator: ".") }
    }

    /// Each imported symbol with the glibc version it asks for.
    public let symbols: [(name: String, version: Version)]

    public static func == (lhs: GlibcRequirement, rhs: GlibcRequirement) -> Bool {
        lhs.symbols.map(\.name) == rhs.symbols.map(\.name) && lhs.symbols.map(\.version) == rhs.symbols.map(\.version)
    }

    /// From `objdump -T` output: lines like `0000… DF *UND* 0000… (GLIBC_2.34) __libc_start_main`.
    public init(objdumpOutput: String) {
        symbols = objdumpOutput.split(separator: "\n").compactMap { line in
            guard let open = line.range(of: "GLIBC_"), let close = line[open.upperBound...].firstIndex(where: { $0 == ")" || $0 == " " }),
                  let version = Version(line[open.upperBound..<close])
            else { return nil }
            let name = line[close...].split(separator: " ").last.map(String.init) ?? ""
            return (name.trimmingCharacters(in: ["(", ")"]), version)
        }
    }

    /// The newest version any symbol needs.
    public var newest: Version? { symbols.map(\.version).max() }

    /// Symbols that need a newer glibc than `available`, newest first.
    public func symbols(newerThan available: Version) -> [(name: String, version: Version)] {
        symbols.filter { $0.version > available }.sorted { $0.version > $1.version }
    }

    /// The glibc of Lambda's OS-only runtimes, from AWS's Lambda runtimes page.
    public static func glibc(ofRuntime runtime: String) -> Version? {
        switch runtime {
        case "provided.al2023": Version("2.34")
        case "provided.al2": Version("2.26")
        case "provided": Version("2.17")
        default: nil
        }
    }
}
