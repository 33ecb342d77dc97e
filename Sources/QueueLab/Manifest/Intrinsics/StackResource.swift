import StrictJSON

/// A resource `Ref` and `Fn::GetAtt` may name: one written in the manifest, or one the Serverless
/// Framework generates for a function (`<Name>LambdaFunction`, `<Name>ProvConcLambdaAlias`).
enum StackResource {
    case declared(DeclaredResource)
    case serverlessFunction(name: String)
    /// The alias that carries a function's provisioned concurrency.
    case serverlessProvisionedAlias(functionName: String)

    static let queueType = "AWS::SQS::Queue"
    static let functionType = "AWS::Lambda::Function"
    static let aliasType = "AWS::Lambda::Alias"
    static let versionType = "AWS::Lambda::Version"
    static let eventSourceMappingType = "AWS::Lambda::EventSourceMapping"
    static let eventInvokeConfigType = "AWS::Lambda::EventInvokeConfig"
    /// The types whose properties QueueLab reads; other resources are never evaluated.
    static let usedTypes: Set = [queueType, functionType, aliasType, versionType, eventSourceMappingType, eventInvokeConfigType]
    /// The Serverless Framework's name for the alias that carries provisioned concurrency.
    static let provisionedAliasName = "provisioned"

    var type: String {
        switch self {
        case .declared(let resource): resource.type
        case .serverlessFunction: Self.functionType
        case .serverlessProvisionedAlias: Self.aliasType
        }
    }
}

/// A resource as the manifest declares it.
struct DeclaredResource {
    let logicalID: String
    let type: String
    /// Read only for `StackResource.usedTypes`; empty otherwise.
    let properties: [String: JSONValue]
    /// `resources.Resources.<LogicalId>` or `Resources.<LogicalId>`.
    let key: JSONPath

    var propertiesKey: JSONPath { key.appending("Properties") }

    func propertyKey(_ name: String) -> JSONPath { propertiesKey.appending(name) }
}
