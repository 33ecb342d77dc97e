import BenchmarkSupport
import Foundation
import FoundationNetworking

// Foundation's URLSession (libcurl underneath on Linux) with the shared session, as a handler
// would use it; libcurl keeps the connection alive between requests.
let benchmark = ClientBenchmark()
let session = URLSession.shared
guard let baseURL = URL(string: benchmark.baseURL) else { fatalError("bad base URL \(benchmark.baseURL)") }
try await benchmark.run { kind in
    var request = URLRequest(url: baseURL.appendingPathComponent(kind.path))
    request.httpMethod = kind.method
    for header in kind.headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
    if !kind.body.isEmpty { request.httpBody = Data(kind.body) }
    let (_, response) = try await session.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
}
