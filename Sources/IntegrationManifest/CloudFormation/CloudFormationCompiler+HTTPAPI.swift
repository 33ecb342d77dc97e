import StrictJSON

extension CloudFormationCompiler {
    /// The Serverless Framework's logical IDs for the HTTP API it creates once per service.
    static let httpAPILogicalID = "HttpApi"
    static let httpAPIStageLogicalID = "HttpApiStage"

    /// One HTTP API with its `$default` stage, as the Serverless Framework deploys `httpApi` events:
    /// per function a Lambda proxy integration (payload format 2.0) and the permission for API
    /// Gateway to invoke it, per event a route. Nothing when no function has an `httpApi` event.
    func httpAPIResources(for manifest: ServerlessManifest) -> (resources: [String: JSONValue], outputs: [String: JSONValue]) {
        let routed = manifest.functions.filter { !$0.value.httpAPIEvents.isEmpty }
        guard !routed.isEmpty else { return ([:], [:]) }
        let api: JSONValue = ["Ref": .string(Self.httpAPILogicalID)]
        var resources: [String: JSONValue] = [
            Self.httpAPILogicalID: [
                "Type": "AWS::ApiGatewayV2::Api",
                "Properties": ["Name": .string(manifest.service), "ProtocolType": "HTTP"],
            ],
            Self.httpAPIStageLogicalID: [
                "Type": "AWS::ApiGatewayV2::Stage",
                "Properties": ["ApiId": api, "StageName": "$default", "AutoDeploy": true],
            ],
        ]
        for (name, function) in routed {
            let stem = ServerlessNaming.normalizedName(name)
            let functionARN = CloudFormationValue.getAtt(logicalID: ServerlessNaming.functionLogicalID(name), attribute: "Arn").json
            let integrationID = stem + "HttpApiIntegration"
            resources[integrationID] = [
                "Type": "AWS::ApiGatewayV2::Integration",
                "Properties": [
                    "ApiId": api, "IntegrationType": "AWS_PROXY", "IntegrationUri": functionARN,
                    "PayloadFormatVersion": "2.0", "TimeoutInMillis": .integer(30_000),
                ],
            ]
            resources[stem + "LambdaPermissionHttpApi"] = [
                "Type": "AWS::Lambda::Permission",
                "Properties": [
                    "FunctionName": functionARN, "Action": "lambda:InvokeFunction", "Principal": "apigateway.amazonaws.com",
                    "SourceArn": ["Fn::Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*"],
                ],
            ]
            for event in function.httpAPIEvents {
                resources["HttpApiRoute" + ServerlessNaming.normalizedName(Self.routeStem(event))] = [
                    "Type": "AWS::ApiGatewayV2::Route",
                    "Properties": [
                        "ApiId": api, "RouteKey": .string(event.routeKey),
                        "Target": ["Fn::Join": ["/", ["integrations", ["Ref": .string(integrationID)]]]],
                    ],
                ]
            }
        }
        let url: JSONValue = ["Fn::Sub": "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"]
        return (resources, ["HttpApiUrl": ["Description": "URL of the HTTP API", "Value": url]])
    }

    /// `POST /webhooks/zoho-crm` → `PostWebhooksZohocrm`: the route key's letters and digits, word by word.
    static func routeStem(_ event: HTTPAPIEvent) -> String {
        event.routeKey.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }
}
