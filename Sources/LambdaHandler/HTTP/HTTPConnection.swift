import Glibc

/// A blocking HTTP/1.1 client over one keep-alive TCP connection.
///
/// Handlers talk to two local endpoints only (the Runtime API and the SQS endpoint), so a plain
/// socket keeps cold start and per-request overhead far below what an event-loop client costs.
public final class HTTPConnection {
    public let host: String
    public let port: UInt16
    private var socketDescriptor: Int32 = -1
    private var readBuffer: [UInt8] = []
    /// Where `recv` writes; allocated once, not per read.
    private var receiveBuffer = [UInt8](repeating: 0, count: 65_536)

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    deinit { disconnect() }

    /// Sends one request and reads the whole response. Reconnects once when the server closed
    /// an idle keep-alive connection.
    public func send(
        method: String, path: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws(HTTPConnectionError) -> HTTPResponse {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let request = Array(head.utf8) + body
        let reused = socketDescriptor >= 0
        do {
            if !reused { try connect() }
            try writeAll(request)
            return try readResponse()
        } catch where reused {
            disconnect()
            try connect()
            try writeAll(request)
            return try readResponse()
        }
    }

    public func disconnect() {
        if socketDescriptor >= 0 { close(socketDescriptor) }
        socketDescriptor = -1
        readBuffer.removeAll(keepingCapacity: true)
    }

    private func connect() throws(HTTPConnectionError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
            throw .cannotResolve(host)
        }
        defer { freeaddrinfo(results) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if descriptor >= 0 {
                if Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                    var enabled: Int32 = 1
                    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
                    socketDescriptor = descriptor
                    return
                }
                close(descriptor)
            }
            candidate = address.pointee.ai_next
        }
        throw .cannotConnect(host: host, port: port, errno: errno)
    }

    private func writeAll(_ bytes: [UInt8]) throws(HTTPConnectionError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.send(socketDescriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .connectionClosed
            }
            offset += written
        }
    }

    /// Reads more bytes into `readBuffer`; throws when the peer closed the connection.
    private func fill() throws(HTTPConnectionError) {
        while true {
            let received = receiveBuffer.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                readBuffer.append(contentsOf: receiveBuffer[0..<received])
                return
            }
            if received < 0 && errno == EINTR { continue }
            throw .connectionClosed
        }
    }

    private func readResponse() throws(HTTPConnectionError) -> HTTPResponse {
        let headEnd = try readUntilHeadEnd()
        let (status, headers) = try Self.parseHead(readBuffer[0..<headEnd])
        readBuffer.removeFirst(headEnd + 4)
        let body: [UInt8]
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try readChunkedBody()
        } else {
            body = try readBody(length: Int(headers["content-length"] ?? "0") ?? 0)
        }
        if headers["connection"]?.lowercased() == "close" { disconnect() }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// The status code and the header fields (names lowercased, values trimmed) of a response
    /// head, read as bytes: character-by-character `String` work here was a visible share of a
    /// warm invocation.
    static func parseHead(_ head: ArraySlice<UInt8>) throws(HTTPConnectionError) -> (status: Int, headers: [String: String]) {
        let lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(trimmed)
        guard let statusLine = lines.first else { throw .malformedResponse }
        let statusParts = statusLine.split(separator: UInt8(ascii: " "), maxSplits: 2)
        guard statusParts.count >= 2, let status = Int(String(decoding: statusParts[1], as: UTF8.self)) else {
            throw .malformedResponse
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = line[..<colon].map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
            headers[String(decoding: name, as: UTF8.self)] = String(decoding: trimmed(line[(colon + 1)...]), as: UTF8.self)
        }
        return (status, headers)
    }

    /// `bytes` without leading and trailing spaces, tabs and carriage returns.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }

    private func readUntilHeadEnd() throws(HTTPConnectionError) -> Int {
        var searchFrom = 0
        while true {
            if readBuffer.count >= 4 {
                for index in searchFrom...(readBuffer.count - 4)
                where readBuffer[index] == 13 && readBuffer[index + 1] == 10
                    && readBuffer[index + 2] == 13 && readBuffer[index + 3] == 10 {
                    return index
                }
                searchFrom = readBuffer.count - 3
            }
            try fill()
        }
    }

    private func readBody(length: Int) throws(HTTPConnectionError) -> [UInt8] {
        while readBuffer.count < length { try fill() }
        let body = Array(readBuffer[0..<length])
        readBuffer.removeFirst(length)
        return body
    }

    private func readLine() throws(HTTPConnectionError) -> String {
        while true {
            if let newline = readBuffer.firstIndex(of: 10) {
                let line = String(decoding: Self.trimmed(readBuffer[0..<newline]), as: UTF8.self)
                readBuffer.removeFirst(newline + 1)
                return line
            }
            try fill()
        }
    }

    private func readChunkedBody() throws(HTTPConnectionError) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeField = try readLine().split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeField, radix: 16) else { throw .malformedResponse }
            if size == 0 {
                while try !readLine().isEmpty {}
                return body
            }
            body += try readBody(length: size)
            _ = try readLine()
        }
    }
}
