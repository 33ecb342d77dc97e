/// A function's `package`: the zip the Serverless Framework uploads as its code.
public struct FunctionPackage: Codable, Equatable, Sendable {
    public var artifact: String

    public init(artifact: String) {
        self.artifact = artifact
    }

    /// Where `queuelab package` writes a handler's zip, relative to the package root.
    public static func artifactPath(handler: String) -> String {
        ".build/lambda/" + handler + "/" + handler + ".zip"
    }
}
