import Foundation

/// Reads every `functions/<name>/integration.json` under a package root, in name order.
struct DefinitionLoader {
    let root: URL

    static let functionsFolder = "functions"
    static let definitionFile = "integration.json"

    func load() -> (sources: [DefinitionSource], diagnostics: [Diagnostic]) {
        let functions = root.appendingPathComponent(Self.functionsFolder)
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: functions.path)) ?? []).sorted()
        var sources: [DefinitionSource] = []
        var diagnostics: [Diagnostic] = []
        for folder in folders {
            let url = functions.appendingPathComponent(folder).appendingPathComponent(Self.definitionFile)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let file = "\(Self.functionsFolder)/\(folder)/\(Self.definitionFile)"
            do {
                sources.append(DefinitionSource(name: folder, file: file, bytes: Array(try Data(contentsOf: url))))
            } catch {
                diagnostics.append(Diagnostic(.error, .unreadableFile, file: file, path: nil, message: "cannot be read: \(error.localizedDescription)"))
            }
        }
        if sources.isEmpty, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(.error, .noDefinitions, file: Self.functionsFolder, path: nil,
                message: "no \(Self.definitionFile) found in any folder under \(functions.path)"))
        }
        return (sources, diagnostics)
    }
}
