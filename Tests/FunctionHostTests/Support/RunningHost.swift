import TestSupport
import Foundation
@testable import FunctionHost
import Logging

/// A started `FunctionHost` with its Invoke API on an ephemeral port.
struct RunningHost {
    let host: FunctionHost
    let port: Int
    let stateDirectory: String

    func logFile(_ function: String) -> String {
        (try? String(contentsOfFile: "\(stateDirectory)/logs/\(function).log", encoding: .utf8)) ?? ""
    }

    /// Starts the host and its Invoke API, waits until provisioned environments are warm, runs
    /// `body`, then stops everything (every runtime process is killed and waited for).
    /// `memoryLimit` picks how memory sizes are enforced; the default is what the machine offers.
    static func with<Result: Sendable>(
        _ functions: [FunctionConfiguration],
        idleReapTime: Duration = .seconds(300),
        unreservedConcurrencyLimit: Int = 1000,
        initTimeout: Duration = .seconds(10),
        provisionedInitTimeout: Duration = .seconds(130),
        memoryLimit: MemoryLimit = .detected,
        _ body: @Sendable (RunningHost) async throws -> Result
    ) async throws -> Result {
        let stateDirectory = TestPaths.temporaryDirectory()
        let host = try MemoryLimiter.$usesCgroups.withValue(memoryLimit == .detected) {
            try FunctionHost(
                functions: functions,
                configuration: FunctionHostConfiguration(
                    stateDirectory: stateDirectory, sqsEndpointURL: "http://127.0.0.1:9324", idleReapTime: idleReapTime,
                    unreservedConcurrencyLimit: unreservedConcurrencyLimit, pythonExecutable: TestPaths.python,
                    executableSearchPaths: [TestPaths.productsDirectory],
                    initTimeout: initTimeout, provisionedInitTimeout: provisionedInitTimeout))
        }
        var quiet = Logger(label: "tests.invoke-api")
        // Stopping by cancellation makes the server log its cancelled connections.
        quiet.logLevel = .critical
        let api = InvokeAPIServer(host: host, port: 0, logger: quiet)
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask { try await host.run() }
            group.addTask { try await api.run() }
            defer { group.cancelAll() }
            guard let port = await api.waitUntilListening() else { throw HostTestError.invokeAPIDidNotStart }
            try await host.waitUntilReady()
            return try await body(RunningHost(host: host, port: port, stateDirectory: stateDirectory))
        }
    }

    static func swiftFunction(
        _ name: String = "probe", handler: String = "ProbeHandler", memorySize: Int = 128, timeout: Double = 3,
        reserved: Int? = nil, provisioned: Int = 0, environment: [String: String] = [:]
    ) -> FunctionConfiguration {
        FunctionConfiguration(
            name: name, runtime: "provided.al2023", handler: handler, codeDirectory: TestPaths.productsDirectory,
            memorySize: memorySize, timeout: timeout, reservedConcurrency: reserved,
            provisionedConcurrency: provisioned, environment: environment)
    }

    static func pythonFunction(_ name: String = "pyprobe", handler: String, timeout: Double = 3) -> FunctionConfiguration {
        FunctionConfiguration(
            name: name, runtime: "python3.11", handler: handler, codeDirectory: TestPaths.pythonFixtures,
            memorySize: 256, timeout: timeout)
    }

    enum MemoryLimit: Sendable {
        /// A memory cgroup when the machine has a writable one, else the rlimit.
        case detected
        /// The rlimit fallback, whatever the machine offers.
        case rlimit
    }

    /// Whether this machine gives each environment a memory cgroup (so `.detected` is not the rlimit).
    static let machineHasMemoryCgroups: Bool = {
        let limiter = MemoryLimiter.detect()
        defer { limiter.removeHostGroup() }
        return limiter.mechanism != .rlimit
    }()
}

enum HostTestError: Error {
    case invokeAPIDidNotStart
}

extension InvocationResult {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any]) ?? [:]
    }
}

func jsonObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
}
