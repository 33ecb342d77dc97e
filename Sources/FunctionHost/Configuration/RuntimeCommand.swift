import Foundation

/// The command line and extra environment that start one function's runtime process, and how
/// long its init may take.
struct RuntimeCommand: Sendable, Equatable {
    let executable: String
    let arguments: [String]
    let environment: [String: String]
    let initLimits: InitPhaseLimits

    /// Resolves a function's runtime and handler; fails for unknown runtimes and missing executables.
    static func resolve(
        _ function: FunctionConfiguration, host: FunctionHostConfiguration
    ) throws(FunctionHostError) -> RuntimeCommand {
        let initLimits = InitPhaseLimits(onDemand: host.initTimeout, provisioned: host.provisionedInitTimeout)
        if function.runtime.hasPrefix("provided") {
            return RuntimeCommand(
                executable: try findExecutable(function, searchPaths: host.executableSearchPaths),
                arguments: [], environment: [:], initLimits: initLimits)
        }
        if function.runtime.hasPrefix("python3") {
            guard function.handler.contains(".") else {
                throw .invalidHandler(function: function.name, handler: function.handler)
            }
            return RuntimeCommand(
                executable: host.pythonExecutable,
                arguments: ["-m", "awslambdaric", function.handler],
                environment: ["PYTHONPATH": function.codeDirectory, "PYTHONUNBUFFERED": "1"], initLimits: initLimits)
        }
        throw .unknownRuntime(function: function.name, runtime: function.runtime)
    }

    private static func findExecutable(
        _ function: FunctionConfiguration, searchPaths: [String]
    ) throws(FunctionHostError) -> String {
        let handler = function.handler
        let candidates: [String]
        if handler.hasPrefix("/") {
            candidates = [handler]
        } else if handler.contains("/") {
            candidates = [function.codeDirectory + "/" + handler]
        } else {
            candidates = ([function.codeDirectory] + searchPaths).map { $0 + "/" + handler }
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .handlerNotFound(function: function.name, searched: candidates)
        }
        return found
    }
}
