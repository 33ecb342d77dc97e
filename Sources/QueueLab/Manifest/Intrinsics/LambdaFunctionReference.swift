/// Lambda's ways of naming a function where a name is expected (`FunctionName` of an event source
/// mapping, an alias or an invoke configuration): `name`, `name:qualifier`, a partial ARN
/// `<account>:function:name[:qualifier]`, or a full ARN `arn:aws:lambda:<region>:<account>:function:name[:qualifier]`.
enum LambdaFunctionReference {
    /// The function's name, or `nil` when `reference` has none of those forms.
    static func functionName(in reference: String) -> String? {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name: String?
        if parts.first == "arn" {
            name = parts.count >= 7 && parts[2] == "lambda" && parts[5] == "function" ? parts[6] : nil
        } else if parts.count >= 3, parts[1] == "function" {
            name = parts[2]
        } else {
            name = parts.count <= 2 ? parts[0] : nil
        }
        guard let name, isValidName(name) else { return nil }
        return name
    }

    /// Lambda's rule for function names: 1–64 letters, digits, hyphens and underscores.
    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
