@testable import FunctionHost
import Testing

@Suite("START, END, REPORT and INIT_REPORT lines")
struct InvocationReportTests {
    @Test("REPORT follows CloudWatch's tab-separated format, Init Duration only on cold starts")
    func reportLine() {
        let cold = InvocationReport(
            requestID: "abc", duration: .microseconds(12_345), memorySizeMB: 128, maxMemoryUsedMB: 20,
            initDuration: .microseconds(3_210), status: "")
        #expect(cold.reportLine == "REPORT RequestId: abc\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 20 MB\tInit Duration: 3.21 ms\t")
        #expect(InvocationReport.startLine(requestID: "abc") == "START RequestId: abc Version: $LATEST")
        #expect(cold.endLine == "END RequestId: abc")
    }

    @Test("failures append Status and Error Type; billing rounds up to at least 1 ms")
    func statusAndBilling() {
        let timedOut = InvocationReport(
            requestID: "t", duration: .microseconds(200), memorySizeMB: 128, maxMemoryUsedMB: 1, initDuration: nil,
            status: InvocationEnd.timedOut(seconds: 1).reportStatus)
        #expect(timedOut.billedMilliseconds == 1)
        #expect(timedOut.reportLine.hasSuffix("Max Memory Used: 1 MB\tStatus: timeout\t"))
        #expect(InvocationEnd.processExited(.outOfMemory).reportStatus == "Status: error\tError Type: Runtime.OutOfMemory")
        #expect(InvocationReport(requestID: "x", duration: .milliseconds(2), memorySizeMB: 128, maxMemoryUsedMB: 1,
                                 initDuration: nil, status: "").billedMilliseconds == 2)
    }

    @Test("runtime exits are worded as Lambda words them")
    func exitWording() {
        #expect(ProcessExit.signaled(11).runtimeMessage == "signal: segmentation fault")
        #expect(ProcessExit.exited(code: 2).runtimeMessage == "exit status 2")
        #expect(ProcessExit.outOfMemory.errorType == "Runtime.OutOfMemory")
        #expect(ProcessExit.signaled(6).errorType == "Runtime.ExitError")
    }

    @Test("INIT_REPORT names the phase and how the init ended, as in CloudWatch")
    func initReportLine() {
        #expect(InitReport(duration: .microseconds(10_337_010), phase: .initialisation, status: .timeout).line
            == "INIT_REPORT Init Duration: 10337.01 ms\tPhase: init\tStatus: timeout")
        #expect(InitReport(duration: .milliseconds(3_000), phase: .invocation, status: .error(type: "Runtime.Unknown")).line
            == "INIT_REPORT Init Duration: 3000.00 ms\tPhase: invoke\tStatus: error\tError Type: Runtime.Unknown")
    }

    @Test("a wait status decodes to an exit code or a signal")
    func waitStatus() {
        #expect(ProcessExit(waitStatus: 3 << 8) == .exited(code: 3))
        #expect(ProcessExit(waitStatus: 0) == .exited(code: 0))
        #expect(ProcessExit(waitStatus: 9) == .signaled(9))
        #expect(ProcessExit(waitStatus: 6 | 0x80) == .signaled(6), "with a core dump")
    }
}
