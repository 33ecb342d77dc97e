import Logging
import Primitives
import ServerSupport

extension HTTPServer {
    /// Serves as `run(onListening:)` does, setting `boundPort` to the port once bound, or to `nil`
    /// when the server stops or fails to bind (so that no `waitUntilListening()` waits forever);
    /// a failure is logged under the server's label and rethrown.
    func run(reportingPortTo boundPort: OneShot<Int?>, logger: Logger) async throws {
        do {
            try await run { port in boundPort.fulfil(port) }
        } catch {
            boundPort.fulfil(nil)
            logger.error("\(label) stopped: \(error)")
            throw error
        }
        boundPort.fulfil(nil)
    }
}
