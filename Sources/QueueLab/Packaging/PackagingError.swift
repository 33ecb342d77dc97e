/// Why `queuelab package` could not package a handler.
public enum PackagingError: Error, Sendable, CustomStringConvertible {
    case unsupportedRuntime(handler: String, runtime: String)
    case cannotRun(String, reason: String)
    case buildFailed(handler: String, output: String)
    case cannotReadSymbols(handler: String, output: String)
    case glibcTooNew(handler: String, runtime: String, available: String, symbols: [String])
    case cannotWriteZip(path: String, reason: String)

    public var code: String {
        switch self {
        case .unsupportedRuntime: "UnsupportedRuntime"
        case .cannotRun: "CannotRun"
        case .buildFailed: "BuildFailed"
        case .cannotReadSymbols: "CannotReadSymbols"
        case .glibcTooNew: "GlibcTooNew"
        case .cannotWriteZip: "CannotWriteZip"
        }
    }

    public var description: String {
        switch self {
        case .unsupportedRuntime(let handler, let runtime):
            "\(handler): runtime \(runtime) is not an OS-only runtime (provided.al2023, provided.al2); only those run a bootstrap executable."
        case .cannotRun(let executable, let reason):
            "could not run \(executable): \(reason)"
        case .buildFailed(let handler, let output):
            "\(handler): the release build failed:\n\(output.suffix(4000))"
        case .cannotReadSymbols(let handler, let output):
            "\(handler): objdump could not read the executable's symbols (install binutils):\n\(output.suffix(2000))"
        case .glibcTooNew(let handler, let runtime, let available, let symbols):
            """
            \(handler) needs a newer glibc than \(runtime) has (\(available)): \(symbols.prefix(8).joined(separator: ", ")).
            This machine's glibc is newer than Lambda's. Build for the target instead: with Swift's static Linux SDK \
            (`swift sdk install` the musl SDK matching this toolchain, then `swift build -c release --swift-sdk \
            x86_64-swift-linux-musl --product \(handler)`), or on Amazon Linux 2023 (e.g. the swift:amazonlinux2023 image).
            """
        case .cannotWriteZip(let path, let reason):
            "could not write \(path): \(reason)"
        }
    }
}
