import Foundation
import IntegrationManifest
import ZIPFoundation

/// `queuelab package`: builds a `provided.*` handler in release mode with the Swift standard
/// library linked statically, checks that the target runtime's glibc has every symbol version it
/// imports, and writes it as `bootstrap` (mode 755) into `FunctionPackage.artifactPath(handler:)`,
/// the file `generate` names as the function's `package.artifact`.
public struct LambdaPackager: Sendable {
    /// Where the package's handlers are built: a scratch folder of its own, so packaging neither
    /// waits for nor disturbs a development build (or a test run) in `.build`.
    public static let scratchPath = ".build-lambda"

    public let packageRoot: String
    /// The swift executable that builds the handler.
    public let swift: String

    public init(packageRoot: String, swift: String = "swift") {
        self.packageRoot = packageRoot
        self.swift = swift
    }

    /// Builds, checks and zips `handler` for `runtime`; returns the zip's path.
    public func package(handler: String, runtime: String) async throws(PackagingError) -> String {
        guard let available = GlibcRequirement.glibc(ofRuntime: runtime) else { throw .unsupportedRuntime(handler: handler, runtime: runtime) }
        let build = try await run(swift, [
            "build", "-c", "release", "--product", handler, "--static-swift-stdlib", "--scratch-path", Self.scratchPath,
        ])
        guard build.status == 0 else { throw .buildFailed(handler: handler, output: build.output) }
        let binary = packageRoot + "/" + Self.scratchPath + "/release/" + handler
        let symbols = try await run("objdump", ["-T", binary])
        guard symbols.status == 0 else { throw .cannotReadSymbols(handler: handler, output: symbols.output) }
        let tooNew = GlibcRequirement(objdumpOutput: symbols.output).symbols(newerThan: available)
        guard tooNew.isEmpty else {
            throw .glibcTooNew(handler: handler, runtime: runtime, available: available.description,
                               symbols: tooNew.map { "\($0.name)@GLIBC_\($0.version)" })
        }
        let zip = packageRoot + "/" + FunctionPackage.artifactPath(handler: handler)
        do {
            try FileManager.default.createDirectory(
                atPath: (zip as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: zip)
            let contents = try Data(contentsOf: URL(fileURLWithPath: binary))
            let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .create)
            try archive.addEntry(
                with: "bootstrap", type: .file, uncompressedSize: Int64(contents.count), permissions: 0o755,
                compressionMethod: .deflate
            ) { position, size in
                contents.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch {
            throw .cannotWriteZip(path: zip, reason: "\(error)")
        }
        return zip
    }

    /// Runs `executable` in the package root; its output (both streams) goes through a file, so a
    /// long build never blocks on a full pipe.
    private func run(_ executable: String, _ arguments: [String]) async throws(PackagingError) -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "queuelab-package-\(UUID().uuidString).out"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let status: Int32
        do {
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
            process.standardOutput = output
            process.standardError = output
            status = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
        } catch {
            throw .cannotRun(executable, reason: "\(error)")
        }
        return (status, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }
}
