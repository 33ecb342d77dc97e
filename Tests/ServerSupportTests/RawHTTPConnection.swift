import Foundation
import Primitives
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to the server under test, so tests can send exactly the bytes they
/// mean (pipelined, malformed, oversized, stalled) and read exactly what comes back. Reads block,
/// so they run on a thread of their own rather than hold one of the few cooperative threads.
final class RawHTTPConnection: @unchecked Sendable {
    /// How a read to the end stopped.
    enum End: Equatable {
        /// The server closed the connection (or its side of it).
        case closed
        /// The server reset the connection.
        case reset
        /// Five quiet seconds passed.
        case timedOut
    }

    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw RawConnectionError.connectFailed }
        // Reads and writes give up after five seconds rather than hang a test.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Sends all of `bytes` (or as much as the server takes within five seconds).
    func write(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Everything until the server closes the connection (or five quiet seconds pass).
    func readUntilClosed() async -> String {
        await readToEnd().received
    }

    /// Everything until the server closes or resets the connection, or five quiet seconds pass.
    func readToEnd() async -> (received: String, end: End) {
        await DedicatedThread.run { self.blockingReadToEnd() }
    }

    /// Reads until `marker` has arrived `times` times.
    func read(until marker: String, times: Int = 1) async -> String {
        await DedicatedThread.run { self.blockingRead(until: marker, times: times) }
    }

    private func blockingReadToEnd() -> (received: String, end: End) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
                continue
            }
            let end: End = count == 0 ? .closed : errno == ECONNRESET ? .reset : .timedOut
            return (String(decoding: received, as: UTF8.self), end)
        }
    }

    private func blockingRead(until marker: String, times: Int) -> String {
        var received = ""
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while received.components(separatedBy: marker).count - 1 < times {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return received
    }
}

enum RawConnectionError: Error {
    case connectFailed
}
