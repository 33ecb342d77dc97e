import TestSupport
import Foundation
import FunctionHost
import Testing

/// Bodies over Lambda's 6 MB limits, answered in Lambda's shapes without reading them.
@Suite("Payloads over Lambda's limits", .serialized)
struct PayloadLimitTests {
    @Test("an invoke declaring a payload over 6 MB gets RequestTooLargeException from its head alone, and the connection closes")
    func declaredPayloadTooLarge() async throws {
        try await RunningHost.with([RunningHost.pythonFunction(handler: "sized.handler")]) { running in
            // A gigabyte declared, none of it sent: the answer must not wait for it.
            let raw = try await ClientProcess.run(TestPaths.python, ["-c", """
                import json, socket
                connection = socket.create_connection(("127.0.0.1", \(running.port)), timeout=5)
                connection.sendall(b"POST /2015-03-31/functions/pyprobe/invocations HTTP/1.1\\r\\nHost: x\\r\\n"
                                   b"Content-Length: 1000000000\\r\\n\\r\\n")
                received = b""
                while chunk := connection.recv(65536):
                    received += chunk
                head, body = received.decode().split("\\r\\n\\r\\n", 1)
                print(json.dumps({"head": head.lower().split("\\r\\n"), "body": json.loads(body)}))
                """])
            let answer = jsonObject(raw.standardOutput)
            let head = answer["head"] as? [String] ?? []
            #expect(head.first == "http/1.1 413 payload too large", "\(raw.standardOutput) \(raw.standardError)")
            #expect(head.contains("x-amzn-errortype: requesttoolargeexception"))
            #expect(head.contains("connection: close"))
            #expect((answer["body"] as? [String: String])?["message"]
                    == "Request must be smaller than 6291456 bytes for the InvokeFunction operation")
        }
    }

    @Test("boto3 sending a 7 MB payload gets RequestTooLargeException, not a reset, and its next invoke runs")
    func payloadTooLargeThroughBoto3() async throws {
        try await RunningHost.with([RunningHost.pythonFunction(handler: "sized.handler")]) { running in
            let boto = try await ClientProcess.boto3(
                """
                try:
                    lambda_client.invoke(FunctionName="pyprobe", Payload=json.dumps({"pad": "x" * 7_000_000}).encode())
                    print("invoked")
                except lambda_client.exceptions.RequestTooLargeException as error:
                    print(error.response["ResponseMetadata"]["HTTPStatusCode"])
                print(lambda_client.invoke(FunctionName="pyprobe", Payload=b'{"bytes": 3}')["Payload"].read().decode())
                """, port: running.port)
            #expect(boto.standardOutput == "413\n\"xxx\"\n", "\(boto.standardError)")
        }
    }

    @Test("a response over 6 MB fails its invocation with Function.ResponseSizeTooLarge, and the runtime serves the next one")
    func responseTooLarge() async throws {
        try await RunningHost.with([RunningHost.pythonFunction(handler: "sized.handler")]) { running in
            let large = try await running.host.invoke(function: "pyprobe", payload: Array(#"{"bytes": 7000000}"#.utf8))
            #expect(large.functionError == "Unhandled")
            #expect(large.json["errorType"] as? String == "Function.ResponseSizeTooLarge", "\(large.json)")
            let small = try await running.host.invoke(function: "pyprobe", payload: Array(#"{"bytes": 3}"#.utf8))
            #expect(small.outcome == .succeeded)
            #expect(small.payload == Array(#""xxx""#.utf8))
        }
    }
}
