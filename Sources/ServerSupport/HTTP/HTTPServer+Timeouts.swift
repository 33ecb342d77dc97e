import NIOCore

extension HTTPServer {
    /// How long a connection may wait on its client before the server gives up on it. Only the
    /// client's silence counts: a request the responder is still answering (an invocation may
    /// run for minutes) is never cut short.
    public struct Timeouts: Sendable, Equatable {
        /// A connection with no request in progress is closed after this long, without an answer,
        /// as AWS's front ends close idle keep-alive connections after 60 s.
        public var idle: TimeAmount
        /// A request whose head or body stops arriving for this long is answered
        /// `408 Request Timeout`, and its connection closed.
        public var request: TimeAmount
        /// A request answered before its body arrived (declared larger than the limit) leaves the
        /// client still sending: the rest is dropped while it keeps coming, until the client is
        /// silent this long, so the client gets to read the answer before the connection is closed
        /// under it (nginx's `lingering_timeout`). A client slowed by a busy machine is not cut off.
        public var linger: TimeAmount
        /// However much keeps coming, dropping stops this long after the answer (nginx's `lingering_time`).
        public var lingerMaximum: TimeAmount

        public init(
            idle: TimeAmount = .seconds(60), request: TimeAmount = .seconds(20), linger: TimeAmount = .seconds(2),
            lingerMaximum: TimeAmount = .seconds(30)
        ) {
            self.idle = idle
            self.request = request
            self.linger = linger
            self.lingerMaximum = lingerMaximum
        }
    }
}
