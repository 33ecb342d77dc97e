import StrictJSON

/// The execution role all functions share, as the Serverless Framework's `IamRoleLambdaExecution`.
extension CloudFormationCompiler {
    static let roleLogicalID = "IamRoleLambdaExecution"
    static let eventSourceActions = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]

    func executionRole(for manifest: ServerlessManifest) -> JSONValue {
        let eventQueues = manifest.functions.keys.sorted().flatMap { manifest.functions[$0]!.sqsEvents.map(\.arn) }
        var statements = (manifest.provider.iam?.role.statements ?? []).map(\.json)
        if !eventQueues.isEmpty {
            statements.insert(IAMStatement(actions: Self.eventSourceActions, resources: eventQueues).json, at: 0)
        }
        var properties: [String: JSONValue] = [
            "AssumeRolePolicyDocument": Self.policyDocument([
                [
                    "Effect": "Allow",
                    "Principal": ["Service": ["lambda.amazonaws.com"]],
                    "Action": ["sts:AssumeRole"],
                ]
            ]),
            "ManagedPolicyArns": [
                ["Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]
            ],
        ]
        if !statements.isEmpty {
            properties["Policies"] = [
                ["PolicyName": .string("\(manifest.service)-queue-workers"), "PolicyDocument": Self.policyDocument(statements)]
            ]
        }
        return ["Type": "AWS::IAM::Role", "Properties": .object(properties)]
    }

    private static func policyDocument(_ statements: [JSONValue]) -> JSONValue {
        ["Version": "2012-10-17", "Statement": .array(statements)]
    }
}

extension IAMStatement {
    fileprivate var json: JSONValue {
        ["Effect": .string(effect), "Action": .array(actions.map(JSONValue.string)), "Resource": .array(resources.map(\.json))]
    }
}
