@testable import SQSServer
import Testing

@Suite("SigV4 credential scope")
struct SigV4ScopeTests {
    @Test("access key and region come from the Credential component")
    func scope() {
        let header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/eu-west-2/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"
        #expect(SigV4Scope(authorization: header) == SigV4Scope(accessKey: "AKIDEXAMPLE", region: "eu-west-2"))
        #expect(SigV4Scope(authorization: "AWS4-HMAC-SHA256 Credential=K/d/ap-south-1/sqs/aws4_request")?.region == "ap-south-1")
    }

    @Test("anything else has no scope", arguments: [
        "", "Basic dXNlcjpwYXNz", "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=AKID/20261121/sqs/aws4_request",
        "AWS4-HMAC-SHA256 Credential=AKID/20261121//sqs/aws4_request", "AWS4-HMAC-SHA256 Credential=/20261121/us-east-1/sqs/aws4_request",
        "Credentia", "AWS4-HMAC-SHA256 Credential=é/ü/ñ/x",
    ])
    func noScope(header: String) {
        #expect(SigV4Scope(authorization: header) == nil)
    }
}
