import TestSupport
import Foundation
import QueueLab
import Testing

@Suite("Reading a manifest file")
struct ManifestLoadingTests {
    static func load(_ file: String) throws -> ManifestPlan {
        try ManifestPlan.load(file: file, accountId: "000000000000", region: "us-east-1", stage: nil)
    }

    /// Loads `contents` written to a fresh `serverless.json`; the error and the file's path.
    func loadFailure(_ contents: String) throws -> (error: ManifestLoadError?, file: String) {
        let file = TestPaths.temporaryDirectory() + "/serverless.json"
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let error = #expect(throws: ManifestLoadError.self) { try Self.load(file) }
        return (error, file)
    }

    @Test("a good file is read with its functions")
    func goodFile() throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #"{"service": "a", "provider": {"name": "aws", "runtime": "provided.al2"}, "functions": {"f": {"handler": "H"}}}"#
            .write(toFile: directory + "/serverless.json", atomically: true, encoding: .utf8)
        let plan = try Self.load(directory + "/serverless.json")
        #expect(plan.configurations(sqsEndpoint: "http://127.0.0.1:1").map(\.name) == ["f"])
        #expect(plan.file == directory + "/serverless.json")
    }

    @Test("a missing file is named")
    func missingFile() {
        let error = #expect(throws: ManifestLoadError.self) { try Self.load("/nonexistent/serverless.json") }
        #expect(error?.description == "ManifestNotFound: /nonexistent/serverless.json: no such file")
    }

    @Test("a folder instead of a file cannot be read, and is named")
    func folder() {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = #expect(throws: ManifestLoadError.self) { try Self.load(directory) }
        #expect(error?.code == "ManifestUnreadable")
        #expect(error?.message.hasPrefix("\(directory): cannot be read: ") == true)
    }

    @Test("malformed JSON is located by line and column")
    func malformedJSON() throws {
        let (error, file) = try loadFailure("{\"service\": \"a\",\n  \"provider\": }")
        #expect(error?.description == "MalformedManifest: \(file): not valid JSON: line 2, column 15: unexpected '}'; expected a value")
    }

    @Test(
        "a missing key or a wrong type names the file and the dotted key",
        arguments: [
            (#"{"service": "a", "provider": {"name": "aws"}, "functions": {"worker": {"timeout": 6}}}"#, "functions.worker.handler: is required"),
            (#"{"service": "a", "functions": {}}"#, "provider: is required"),
            (#"{"provider": {"name": "aws"}}"#, "service: is required"),
            (#"{"service": "a", "provider": {"name": "aws"}, "functions": {"worker": {"handler": "H", "runtime": "provided.al2", "timeout": "ten"}}}"#,
             "functions.worker.timeout: is \"ten\""),
            (#"{"service": "a", "provider": {"name": "aws", "runtime": "provided.al2"}, "functions": {"worker": {"handler": "H", "events": [{"sqs": {"arn": "a", "batchSize": "ten"}}]}}}"#,
             "functions.worker.events[0].sqs.arn: is \"a\""),
            (#"{"service": "a", "provider": {"name": "aws"}, "functions": []}"#, "functions: is []; allowed: an object"),
            ("[]", "(top level): is []; allowed: an object"),
        ])
    func invalidValue(contents: String, expectedStart: String) throws {
        let (error, file) = try loadFailure(contents)
        #expect(error?.code == "InvalidManifestValue")
        #expect(error?.message.hasPrefix("\(file): \(expectedStart)") == true, "\(String(describing: error))")
    }
}
