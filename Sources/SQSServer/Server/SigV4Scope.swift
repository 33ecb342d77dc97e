/// Reads the credential scope of a SigV4 `Authorization` header (signatures are not verified):
/// `AWS4-HMAC-SHA256 Credential=AKID/20261121/us-west-2/sqs/aws4_request, SignedHeaders=…`.
enum SigV4Scope {
    static func region(_ authorization: String?) -> String? {
        component(authorization, at: 2)
    }

    static func accessKey(_ authorization: String?) -> String? {
        component(authorization, at: 0)
    }

    private static func component(_ authorization: String?, at index: Int) -> String? {
        guard let authorization, let range = authorization.range(of: "Credential=") else { return nil }
        let credential = authorization[range.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, !parts[index].isEmpty else { return nil }
        return String(parts[index])
    }
}
