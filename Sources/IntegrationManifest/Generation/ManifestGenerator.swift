import Foundation

/// What `queuelab generate` does: load and validate `functions/*/integration.json` under a package
/// root, render the manifest, and write it or compare it with the file on disk.
public struct ManifestGenerator: Sendable {
    public let root: URL
    public let settings: ManifestSettings

    /// The committed manifest, at the package root.
    public static let manifestFile = "serverless.json"

    public init(root: URL, settings: ManifestSettings = ManifestSettings()) {
        self.root = root
        self.settings = settings
    }

    /// Validates every definition and renders the manifest of all integrations, or of one.
    /// Throws `invalidDefinitions` with every error when any definition (any at all, even with
    /// `integration` set) has one; with `strict`, warnings count as errors.
    /// - Parameter queueConfig: keys set in `integration`'s `queueConfig` for this manifest only
    ///   (`queuelab sync --set maxWorkers=10`), validated as if the file said so.
    public func generate(
        format: ManifestFormat = .json, integration: String? = nil, strict: Bool = false, queueConfig: [String: Int] = [:]
    ) throws(ManifestError) -> GeneratedManifest {
        let loaded = DefinitionLoader(root: root).load()
        let sources = loaded.sources.map { source in
            source.name == integration ? source.settingQueueConfig(queueConfig) : source
        }
        let report = DefinitionValidator().validate(sources)
        var errors = loaded.diagnostics + report.errors
        var definitions = report.definitions
        if let integration {
            definitions = definitions.filter { $0.name == integration }
            if !loaded.sources.contains(where: { $0.name == integration }) {
                errors.append(unknownIntegration(integration, known: loaded.sources.map(\.name)))
            }
        }
        let files = Set(definitions.map(\.file))
        let warnings = report.warnings.filter { files.contains($0.file) }
        if strict {
            errors += warnings.map { warning in
                var promoted = warning
                promoted.severity = .error
                return promoted
            }
        }
        guard errors.isEmpty else {
            let strictNote = strict && !warnings.isEmpty ? " (warnings count as errors with --strict)" : ""
            let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
            throw ManifestError(.invalidDefinitions, "\(count) in the integration definitions\(strictNote); nothing written",
                diagnostics: errors)
        }
        let manifest = ServerlessManifestBuilder(settings: settings).manifest(for: definitions)
        do {
            return GeneratedManifest(text: try ManifestRenderer().render(manifest, as: format), warnings: warnings)
        } catch {
            throw ManifestError(.renderingFailed, "cannot render the \(format.rawValue) manifest: \(error)")
        }
    }

    /// Where output goes when no `--out` is given: the committed `serverless.json` for the JSON
    /// manifest of all integrations, standard output (`nil`) otherwise.
    public func defaultDestination(format: ManifestFormat, integration: String?) -> String? {
        format == .json && integration == nil ? Self.manifestFile : nil
    }

    /// Writes atomically, so a reader never sees half a manifest. `path` is relative to the root.
    public func write(_ manifest: GeneratedManifest, to path: String) throws(ManifestError) {
        do {
            try Data(manifest.text.utf8).write(to: url(of: path), options: .atomic)
        } catch {
            throw ManifestError(.writeFailed, "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Throws `outOfDate` with a diff summary unless the file holds exactly `manifest`.
    public func check(_ manifest: GeneratedManifest, against path: String) throws(ManifestError) {
        guard let data = FileManager.default.contents(atPath: url(of: path).path) else {
            throw ManifestError(.outOfDate, "\(path) does not exist; run queuelab generate to create it")
        }
        let current = String(decoding: data, as: UTF8.self)
        guard current != manifest.text else { return }
        throw ManifestError(.outOfDate,
            ManifestDiff(current: current, expected: manifest.text).summary(file: path) + "\nrun queuelab generate to update it")
    }

    private func url(of path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }

    private func unknownIntegration(_ name: String, known: [String]) -> Diagnostic {
        let hint = KeySuggestion(allowedKeys: known).suggestion(for: name).map { "did you mean \"\($0)\"?" }
            ?? "known: \(known.joined(separator: ", "))"
        return Diagnostic(.error, .unknownIntegration, file: DefinitionLoader.functionsFolder, path: nil,
            message: "no integration named \"\(name)\"; \(hint)")
    }
}
