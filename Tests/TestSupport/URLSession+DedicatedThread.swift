import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Primitives

extension URLSession {
    /// `data(for:)` without holding the calling thread: FoundationNetworking creates and resumes a
    /// task with `DispatchQueue.sync` on the session's work queue, which in the full suite held a
    /// cooperative thread for up to a quarter of a second per request while the queue served the
    /// session's other requests. Here that wait happens on a thread of its own.
    public func dataOnDedicatedThread(for request: URLRequest) async throws -> (Data, URLResponse) {
        let outcome = OneShot<Result<(Data, URLResponse), any Error>>()
        await DedicatedThread.run {
            self.dataTask(with: request) { data, response, error in
                if let data, let response {
                    outcome.fulfil(.success((data, response)))
                } else {
                    outcome.fulfil(.failure(error ?? URLError(.badServerResponse)))
                }
            }.resume()
        }
        return try await outcome.value().get()
    }
}
