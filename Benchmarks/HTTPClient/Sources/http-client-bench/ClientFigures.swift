import BenchmarkSupport
import LambdaHandler

/// What one round measured of one client.
struct ClientFigures {
    /// The warm run's latencies and CPU per request.
    var warm = WarmReport()
    /// Connections the server accepted during the warm run (warm-up included): 1 means keep-alive held.
    var warmConnections = 0
    /// Per cold start, in nanoseconds: spawn → first response, spawn → reaped, the process's CPU.
    var firstResponse: [UInt64] = []
    var exit: [UInt64] = []
    var processCPU: [UInt64] = []
    /// Per cold start, the process's peak resident memory in bytes.
    var maxResident: [UInt64] = []

    /// Runs `binary` in warm mode against the server on `port`.
    mutating func measureWarm(binary: String, port: Int, requests: Int) throws(DriverError) {
        let before = try Self.connectionsAccepted(port: port)
        let child = try ChildProcess.run(binary, ["warm", String(port), String(requests)])
        let after = try Self.connectionsAccepted(port: port)
        let line = try child.successfulOutput(of: binary)
        guard let report = WarmReport(line: line) else { throw DriverError("\(binary) printed no warm report: \(line)") }
        warm = report
        // `after` counts the connection that asked for it.
        warmConnections = after - before - 1
    }

    /// Spawns `binary` for one request against the server on `port`.
    mutating func measureColdStart(binary: String, port: Int) throws(DriverError) {
        let child = try ChildProcess.run(binary, ["once", String(port)])
        let line = try child.successfulOutput(of: binary)
        guard let respondedAt = UInt64(line), respondedAt > child.startedAt else {
            throw DriverError("\(binary) printed no response time: \(line)")
        }
        firstResponse.append(respondedAt - child.startedAt)
        exit.append(child.exitedAt - child.startedAt)
        processCPU.append(child.cpuTime)
        maxResident.append(child.maxResidentBytes)
    }

    private static func connectionsAccepted(port: Int) throws(DriverError) -> Int {
        let connection = HTTPConnection(host: "127.0.0.1", port: UInt16(port))
        defer { connection.disconnect() }
        let response: HTTPResponse
        do {
            response = try connection.send(method: "GET", path: "/connections")
        } catch {
            throw DriverError("cannot ask the server for its connection count: \(error)")
        }
        guard let count = Int(String(decoding: response.body, as: UTF8.self)) else {
            throw DriverError("the server's connection count is unreadable")
        }
        return count
    }
}
