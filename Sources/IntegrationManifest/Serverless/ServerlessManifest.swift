/// A Serverless Framework configuration (`serverless.json`), limited to what QueueLab runs and
/// generates: functions with `sqs` events and `AWS::SQS::Queue` resources. It decodes hand-written
/// files too; encoding with sorted keys (see `ManifestRenderer`) makes the output deterministic.
public struct ServerlessManifest: Codable, Equatable, Sendable {
    public var service: String
    public var frameworkVersion: String?
    public var provider: ServerlessProvider
    public var functions: [String: ServerlessFunction]
    public var resources: ServerlessResources?

    public init(
        service: String,
        frameworkVersion: String?,
        provider: ServerlessProvider,
        functions: [String: ServerlessFunction],
        resources: ServerlessResources?
    ) {
        self.service = service
        self.frameworkVersion = frameworkVersion
        self.provider = provider
        self.functions = functions
        self.resources = resources
    }

    private enum CodingKeys: String, CodingKey {
        case service, frameworkVersion, provider, functions, resources
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        service = try container.decode(String.self, forKey: .service)
        frameworkVersion = try container.decodeIfPresent(String.self, forKey: .frameworkVersion)
        provider = try container.decode(ServerlessProvider.self, forKey: .provider)
        functions = try container.decodeIfPresent([String: ServerlessFunction].self, forKey: .functions) ?? [:]
        resources = try container.decodeIfPresent(ServerlessResources.self, forKey: .resources)
    }
}
