import TestSupport
import FunctionHost
import Testing

@Suite("Functions the host refuses at start-up")
struct StartupTests {
    let host = FunctionHostConfiguration(stateDirectory: TestPaths.temporaryDirectory())

    @Test("an unknown runtime is a clear error")
    func unknownRuntime() {
        let function = FunctionConfiguration(name: "f", runtime: "nodejs20.x", handler: "index.handler", codeDirectory: "/tmp")
        #expect(throws: FunctionHostError.unknownRuntime(function: "f", runtime: "nodejs20.x")) {
            try FunctionHost(functions: [function], configuration: host)
        }
    }

    @Test("a provided handler that is nowhere to be found names where it looked")
    func missingExecutable() {
        let function = FunctionConfiguration(name: "f", runtime: "provided.al2023", handler: "NoSuchHandler", codeDirectory: "/tmp")
        #expect(throws: FunctionHostError.handlerNotFound(function: "f", searched: ["/tmp/NoSuchHandler"])) {
            try FunctionHost(functions: [function], configuration: host)
        }
    }

    @Test("settings outside Lambda's ranges name the key and the allowed range")
    func invalidSettings() throws {
        let base = RunningHost.swiftFunction()
        var memory = base
        memory.memorySize = 64
        #expect(throws: FunctionHostError.invalidSetting(function: "probe", key: "memorySize", value: "64", allowed: "128–10240 MB")) {
            try FunctionHost(functions: [memory], configuration: host)
        }
        var provisioned = base
        provisioned.reservedConcurrency = 1
        provisioned.provisionedConcurrency = 2
        #expect(throws: FunctionHostError.self) { try FunctionHost(functions: [provisioned], configuration: host) }
        var timeout = base
        timeout.timeout = 901
        #expect(throws: FunctionHostError.self) { try FunctionHost(functions: [timeout], configuration: host) }
        #expect(throws: FunctionHostError.duplicateFunction("probe")) { try FunctionHost(functions: [base, base], configuration: host) }
        #expect(throws: FunctionHostError.invalidHandler(function: "py", handler: "nodot")) {
            try FunctionHost(functions: [RunningHost.pythonFunction("py", handler: "nodot")], configuration: host)
        }
    }
}
