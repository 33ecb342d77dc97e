import StrictJSON

extension IntrinsicEvaluator {
    static let pseudoParameters = ["AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue"]
    static let referenceTypes = "AWS::SQS::Queue, AWS::Lambda::Function and AWS::Lambda::Alias resources, parameters with a Default, "
        + pseudoParameters.joined(separator: ", ")

    /// `{"Ref": name}`; `nil` for `AWS::NoValue`.
    mutating func reference(_ name: String, written: String, at key: JSONPath) throws(ManifestLoadError) -> EvaluatedValue? {
        func unresolved(_ reason: String) -> ManifestLoadError {
            .unresolvedReference(file: file, key: key.description, reference: written, reason: reason)
        }
        switch name {
        case "AWS::Region": return .string(EndpointString(target.region))
        case "AWS::AccountId": return .string(EndpointString(target.accountId))
        case "AWS::StackName": return .string(EndpointString(stackName))
        case "AWS::Partition": return .string(EndpointString(ManifestTarget.partition))
        case "AWS::URLSuffix": return .string(EndpointString(ManifestTarget.urlSuffix))
        case "AWS::NoValue": return nil
        default: break
        }
        if name.hasPrefix("AWS::") {
            throw unresolved("\(name) is not known locally; allowed: \(Self.pseudoParameters.joined(separator: ", "))")
        }
        if let parameter = parameters[name] {
            return try parameterValue(parameter, name: name, unresolved: unresolved)
        }
        guard let resource = resources[name] else {
            throw unresolved("'\(name)' is not a resource or parameter of the manifest")
        }
        switch resource {
        case .declared(let queue) where queue.type == StackResource.queueType:
            return .string(EndpointString.queueURL(accountId: target.accountId, name: try queueName(of: queue)))
        case .declared(let function) where function.type == StackResource.functionType:
            return .string(EndpointString(try functionName(of: function)))
        case .serverlessFunction(let functionName):
            return .string(EndpointString(functionName))
        case .declared(let alias) where alias.type == StackResource.aliasType:
            return .string(EndpointString(try aliasARN(of: alias)))
        case .serverlessProvisionedAlias(let functionName):
            return .string(EndpointString(target.functionARN(name: functionName) + ":" + StackResource.provisionedAliasName))
        default:
            throw unresolved("'\(name)' is an \(resource.type), whose value is not known locally; allowed: \(Self.referenceTypes)")
        }
    }

    /// `{"Fn::GetAtt": [logicalID, attribute]}`.
    mutating func attribute(
        _ attribute: String, of logicalID: String, written: String, at key: JSONPath
    ) throws(ManifestLoadError) -> EvaluatedValue {
        func unresolved(_ reason: String) -> ManifestLoadError {
            .unresolvedReference(file: file, key: key.description, reference: written, reason: reason)
        }
        guard let resource = resources[logicalID] else {
            throw unresolved("'\(logicalID)' is not a resource of the manifest")
        }
        switch (resource, attribute) {
        case (.declared(let queue), "Arn") where queue.type == StackResource.queueType:
            return .string(EndpointString(target.queueARN(name: try queueName(of: queue))))
        case (.declared(let queue), "QueueName") where queue.type == StackResource.queueType:
            return .string(EndpointString(try queueName(of: queue)))
        case (.declared(let queue), "QueueUrl") where queue.type == StackResource.queueType:
            return .string(EndpointString.queueURL(accountId: target.accountId, name: try queueName(of: queue)))
        case (.declared(let queue), _) where queue.type == StackResource.queueType:
            throw unresolved("an AWS::SQS::Queue has no attribute '\(attribute)' known locally; allowed: Arn, QueueName, QueueUrl")
        case (.declared(let function), "Arn") where function.type == StackResource.functionType:
            return .string(EndpointString(target.functionARN(name: try functionName(of: function))))
        case (.serverlessFunction(let functionName), "Arn"):
            return .string(EndpointString(target.functionARN(name: functionName)))
        case (_, _) where resource.type == StackResource.functionType:
            throw unresolved("an AWS::Lambda::Function has no attribute '\(attribute)' known locally; allowed: Arn")
        default:
            throw unresolved(
                "'\(logicalID)' is an \(resource.type), whose attributes are not known locally; "
                    + "allowed: AWS::SQS::Queue (Arn, QueueName, QueueUrl) and AWS::Lambda::Function (Arn)")
        }
    }

    /// A parameter's `Default`; list types give a list, as CloudFormation's `Ref` does.
    private func parameterValue(
        _ parameter: JSONValue, name: String, unresolved: (String) -> ManifestLoadError
    ) throws(ManifestLoadError) -> EvaluatedValue {
        guard case .object(let declaration) = parameter, let value = declaration["Default"] else {
            throw unresolved("parameter '\(name)' has no Default, and parameters cannot be given locally")
        }
        if case .string(let type)? = declaration["Type"], type == "CommaDelimitedList" || type.hasPrefix("List<"),
           case .string(let list) = value {
            return .array(list.split(separator: ",", omittingEmptySubsequences: false).map { .string(EndpointString(String($0))) })
        }
        return EvaluatedValue(literal: value)
    }
}
