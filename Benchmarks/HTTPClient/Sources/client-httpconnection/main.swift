import BenchmarkSupport
import LambdaHandler

// The handler library's blocking keep-alive client, as RuntimeAPIClient, SQSClient and the CRM
// sync worker's HTTPCRMClient use it: one connection, one request at a time.
let benchmark = ClientBenchmark()
let connection = HTTPConnection(host: "127.0.0.1", port: UInt16(benchmark.port))
try await benchmark.run { kind in
    let headers = kind.headers.map { ($0.name, $0.value) }
    return try connection.send(method: kind.method, path: kind.path, headers: headers, body: kind.body).status
}
