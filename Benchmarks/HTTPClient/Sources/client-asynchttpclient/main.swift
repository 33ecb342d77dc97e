import AsyncHTTPClient
import BenchmarkSupport
import NIOCore
import NIOHTTP1

// AsyncHTTPClient's shared client (on NIO's singleton event loop group), with its async/await
// API, as a handler would use it; its pool keeps the connection alive between requests.
let benchmark = ClientBenchmark()
let client = HTTPClient.shared
try await benchmark.run { kind in
    var request = HTTPClientRequest(url: benchmark.baseURL + kind.path)
    request.method = HTTPMethod(rawValue: kind.method)
    for header in kind.headers { request.headers.add(name: header.name, value: header.value) }
    if !kind.body.isEmpty { request.body = .bytes(kind.body) }
    let response = try await client.execute(request, timeout: .seconds(10))
    _ = try await response.body.collect(upTo: 1 << 20)
    return Int(response.status.code)
}
