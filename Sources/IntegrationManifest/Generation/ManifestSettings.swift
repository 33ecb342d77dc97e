/// Stack-wide values of the generated manifest.
public struct ManifestSettings: Equatable, Sendable {
    /// Named after the `crm-sync` executable every queue worker runs.
    public var service: String
    public var frameworkVersion: String
    public var region: String
    public var stage: String
    public var runtime: String

    public init(
        service: String = "crm-sync",
        frameworkVersion: String = "3",
        region: String = "us-east-1",
        stage: String = "dev",
        runtime: String = IntegrationDefinition.defaultRuntime
    ) {
        self.service = service
        self.frameworkVersion = frameworkVersion
        self.region = region
        self.stage = stage
        self.runtime = runtime
    }
}
