/// One integration's `functions/<name>/integration.json`, validated and with defaults applied.
public struct IntegrationDefinition: Equatable, Sendable {
    /// The integration's name: its folder under `functions/`.
    public let name: String
    /// The definition file relative to the package root, for messages.
    public let file: String
    public var personObjectTypes: [PersonObjectType]
    public var syncConfig: SyncConfig
    public var queueConfig: QueueConfig
    public var runtime: String
    /// What the runtime starts; for `provided.*` runtimes the `crm-sync` executable.
    public var handler: String

    public init(
        name: String,
        file: String,
        personObjectTypes: [PersonObjectType],
        syncConfig: SyncConfig = SyncConfig(),
        queueConfig: QueueConfig = QueueConfig(),
        runtime: String = IntegrationDefinition.defaultRuntime,
        handler: String = IntegrationDefinition.defaultHandler
    ) {
        self.name = name
        self.file = file
        self.personObjectTypes = personObjectTypes
        self.syncConfig = syncConfig
        self.queueConfig = queueConfig
        self.runtime = runtime
        self.handler = handler
    }

    public var names: IntegrationNames { IntegrationNames(integration: name) }

    /// Custom runtimes run the Swift `crm-sync` executable a later issue builds.
    public static let defaultRuntime = "provided.al2023"
    public static let defaultHandler = "crm-sync"

    /// Lambda runtimes AWS still supports for new functions, all of which the Serverless
    /// Framework's `awsLambdaRuntime` schema accepts.
    public static let supportedRuntimes = [
        "provided.al2023", "provided.al2",
        "python3.13", "python3.12", "python3.11", "python3.10", "python3.9",
        "nodejs22.x", "nodejs20.x", "nodejs18.x",
        "java21", "java17", "java11", "java8.al2",
        "dotnet8", "ruby3.3", "ruby3.2",
    ]
}
