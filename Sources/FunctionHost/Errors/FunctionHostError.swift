/// A function the host cannot run, reported at start-up.
public enum FunctionHostError: Error, Equatable, CustomStringConvertible {
    case unknownRuntime(function: String, runtime: String)
    case handlerNotFound(function: String, searched: [String])
    case invalidHandler(function: String, handler: String)
    case invalidSetting(function: String, key: String, value: String, allowed: String)
    case duplicateFunction(String)
    case cannotCreateStateDirectory(String)
    case provisioningFailed(function: String, detail: String)
    case stopped

    public var code: String {
        switch self {
        case .unknownRuntime: "UnknownRuntime"
        case .handlerNotFound: "HandlerNotFound"
        case .invalidHandler: "InvalidHandler"
        case .invalidSetting: "InvalidSetting"
        case .duplicateFunction: "DuplicateFunction"
        case .cannotCreateStateDirectory: "CannotCreateStateDirectory"
        case .provisioningFailed: "ProvisioningFailed"
        case .stopped: "HostStopped"
        }
    }

    public var message: String {
        switch self {
        case .unknownRuntime(let function, let runtime):
            "function '\(function)': unknown runtime '\(runtime)' (supported: provided.*, python3.*)"
        case .handlerNotFound(let function, let searched):
            "function '\(function)': handler executable not found (looked at \(searched.joined(separator: ", ")))"
        case .invalidHandler(let function, let handler):
            "function '\(function)': handler '\(handler)' must be 'module.function' for Python runtimes"
        case .invalidSetting(let function, let key, let value, let allowed):
            "function '\(function)': \(key) is \(value), allowed: \(allowed)"
        case .duplicateFunction(let name):
            "function '\(name)' is declared twice"
        case .cannotCreateStateDirectory(let path):
            "cannot create the log folder \(path)"
        case .provisioningFailed(let function, let detail):
            "function '\(function)': a provisioned environment failed to initialise: \(detail)"
        case .stopped:
            "the function host stopped before it was ready"
        }
    }

    public var description: String { "\(code): \(message)" }
}
