/// The forms `queuelab generate` can write.
public enum ManifestFormat: String, CaseIterable, Sendable {
    /// `serverless.json`, the Serverless Framework's JSON configuration.
    case json
    /// The same configuration as serverless.yml-style YAML.
    case yaml
    /// The plain CloudFormation template the configuration deploys as.
    case cloudformation
}
