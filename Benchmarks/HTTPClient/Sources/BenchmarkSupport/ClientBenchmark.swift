import Glibc

/// What a client executable does, given how it sends one request:
///
/// - `once PORT`: one GET, then prints the monotonic clock's reading at the response (the
///   parent set its own reading before the spawn) and exits — one cold start;
/// - `warm PORT REQUESTS`: warm-up, then REQUESTS GETs and REQUESTS POSTs in turn on the same
///   keep-alive connection, and prints one `WarmReport` line.
public struct ClientBenchmark: Sendable {
    public enum Mode: Sendable {
        case once
        case warm(requests: Int)
    }

    public let mode: Mode
    public let port: Int

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Reads `once PORT` or `warm PORT REQUESTS`; exits with a usage line otherwise.
    public init(arguments: [String] = CommandLine.arguments) {
        let executable = arguments.first ?? "client"
        switch Array(arguments.dropFirst()) {
        case let words where words.count == 2 && words[0] == "once":
            guard let port = Int(words[1]) else { Self.usage(executable) }
            self.init(mode: .once, port: port)
        case let words where words.count == 3 && words[0] == "warm":
            guard let port = Int(words[1]), let requests = Int(words[2]), requests > 0 else { Self.usage(executable) }
            self.init(mode: .warm(requests: requests), port: port)
        default:
            Self.usage(executable)
        }
    }

    private init(mode: Mode, port: Int) {
        self.mode = mode
        self.port = port
    }

    /// Runs the mode with `send`, which sends one request and returns the response's status.
    public func run(send: (RequestKind) async throws -> Int) async throws {
        switch mode {
        case .once:
            try await check(.get, send)
            print(ProcessClock.now())
        case .warm(let requests):
            for _ in 0..<Workload.warmupRequests {
                for kind in RequestKind.allCases { try await check(kind, send) }
            }
            var report = WarmReport()
            for kind in RequestKind.allCases {
                var samples: [UInt64] = []
                samples.reserveCapacity(requests)
                let cpuBefore = ProcessClock.cpuTime()
                for _ in 0..<requests {
                    let start = ProcessClock.now()
                    try await check(kind, send)
                    samples.append(ProcessClock.now() - start)
                }
                report.add(kind, LatencySummary(samples: samples), cpuPerRequest: (ProcessClock.cpuTime() - cpuBefore) / UInt64(requests))
            }
            print(report.line)
        }
    }

    private func check(_ kind: RequestKind, _ send: (RequestKind) async throws -> Int) async throws {
        let status = try await send(kind)
        guard status == kind.expectedStatus else { throw UnexpectedStatus(kind: kind, status: status) }
    }

    private static func usage(_ executable: String) -> Never {
        print("usage: \(executable) once PORT | warm PORT REQUESTS")
        exit(2)
    }
}

/// A response whose status is not the one the server gives that request.
public struct UnexpectedStatus: Error, CustomStringConvertible {
    public let kind: RequestKind
    public let status: Int

    public var description: String { "\(kind.method) \(kind.path) answered \(status), not \(kind.expectedStatus)" }
}
