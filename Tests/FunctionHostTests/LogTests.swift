import TestSupport
import Foundation
import FunctionHost
import Testing

@Suite("Function logs", .serialized)
struct LogTests {
    @Test("handler lines carry the function name and request id; START, END and REPORT follow CloudWatch")
    func logLines() async throws {
        try await RunningHost.with([RunningHost.swiftFunction(memorySize: 192)]) { running in
            let result = try await running.host.invoke(
                function: "probe", payload: Array(#"{"action":"log","lines":["first line","second line"]}"#.utf8))
            let id = result.requestID
            let file = running.logFile("probe").split(separator: "\n").map(String.init)
            let mine = file.filter { $0.contains(id) }
            #expect(mine.count == 5)
            #expect(mine[0].hasSuffix("[probe] START RequestId: \(id) Version: $LATEST"))
            #expect(mine[1].hasSuffix("[probe] \(id)\tfirst line"))
            #expect(mine[2].hasSuffix("[probe] \(id)\tsecond line"))
            #expect(mine[3].hasSuffix("[probe] END RequestId: \(id)"))
            let report = mine[4]
            #expect(report.contains("[probe] REPORT RequestId: \(id)\tDuration: "))
            #expect(report.contains(" ms\tBilled Duration: "))
            #expect(report.contains("\tMemory Size: 192 MB\tMax Memory Used: "))
            #expect(report.contains(" MB\tInit Duration: "))
            #expect(try #require(mine.first).range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil)
            #expect(result.logLines == [
                "START RequestId: \(id) Version: $LATEST", "first line", "second line", "END RequestId: \(id)",
            ] + [result.logLines.last!])
        }
    }

    @Test("LogType Tail returns the invocation's log through the aws CLI, base64 encoded")
    func tail() async throws {
        try await RunningHost.with([RunningHost.swiftFunction()]) { running in
            let output = try await ClientProcess.aws(
                ["lambda", "invoke", "--function-name", "probe", "--log-type", "Tail",
                 "--payload", #"{"action":"log","lines":["visible in tail"]}"#, "out.json"],
                port: running.port)
            let encoded = jsonObject(output.standardOutput)["LogResult"] as? String ?? ""
            let log = String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self)
            #expect(log.contains("visible in tail"), "\(output.standardError)")
            #expect(log.contains("\tMax Memory Used: "))
        }
    }
}
