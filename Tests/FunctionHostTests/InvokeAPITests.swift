import TestSupport
import Foundation
import FunctionHost
import Testing

@Suite("Invoke API requests that never reach a handler", .serialized)
struct InvokeAPITests {
    @Test("an unknown function is a 404 ResourceNotFoundException for the aws CLI and boto3")
    func unknownFunction() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()]) { running in
            let cli = try await ClientProcess.aws(["lambda", "invoke", "--function-name", "missing", "out.json"], port: running.port)
            #expect(cli.status != 0)
            #expect(cli.standardError.contains("ResourceNotFoundException"))
            #expect(cli.standardError.contains("Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing"))
            let boto = try await ClientProcess.boto3(
                """
                try:
                    lambda_client.invoke(FunctionName="missing")
                except lambda_client.exceptions.ResourceNotFoundException as error:
                    print(error.response["ResponseMetadata"]["HTTPStatusCode"])
                """, port: running.port)
            #expect(boto.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "404", "\(boto.standardError)")
        }
    }

    @Test("a payload that is not JSON is InvalidRequestContentException")
    func invalidPayload() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()]) { running in
            let boto = try await ClientProcess.boto3(
                """
                try:
                    lambda_client.invoke(FunctionName="probe", Payload=b"not json")
                except lambda_client.exceptions.InvalidRequestContentException as error:
                    print(error.response["ResponseMetadata"]["HTTPStatusCode"])
                """, port: running.port)
            #expect(boto.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "400", "\(boto.standardError)")
        }
    }

    @Test("DryRun answers 204 without running; Event answers 202 and runs in the background; ARNs name functions")
    func invocationTypes() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()]) { running in
            let boto = try await ClientProcess.boto3(
                """
                dry = lambda_client.invoke(FunctionName="probe", InvocationType="DryRun", Payload=b"{}")
                event = lambda_client.invoke(FunctionName="arn:aws:lambda:us-east-1:000000000000:function:probe:$LATEST",
                                             InvocationType="Event", Payload=b'{"action": "log", "lines": ["from event"]}')
                print(json.dumps([dry["StatusCode"], event["StatusCode"]]))
                """, port: running.port)
            #expect(boto.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "[204, 202]", "\(boto.standardError)")
            var logged = false
            for _ in 0..<50 where !logged {
                try await Task.sleep(for: .milliseconds(100))
                logged = running.logFile("probe").contains("from event")
            }
            #expect(logged)
        }
    }
}
