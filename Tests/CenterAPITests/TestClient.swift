import Dispatch
import Foundation
import Glibc

/// A minimal HTTP/1.1 client over a loopback socket, so API tests talk to the
/// real server the way any client would. The socket calls block, so they run
/// on a Dispatch thread: blocking Swift's cooperative pool (two threads here)
/// would starve the very server handlers the test is waiting for.
final class TestClient: @unchecked Sendable {
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
        var object: [String: Any] { (try? json()) as? [String: Any] ?? [:] }
        var array: [[String: Any]] { (try? json()) as? [[String: Any]] ?? [] }
        var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
        /// The error's English message (`message_en`), which the rules' tests compare.
        var errorMessage: String? { (object["error"] as? [String: Any])?["message_en"] as? String }
        /// The error's `message`, in the language the request asked for.
        var errorMessageAsked: String? { (object["error"] as? [String: Any])?["message"] as? String }
        /// The error's Japanese message (`message_ja`).
        var errorMessageJa: String? { (object["error"] as? [String: Any])?["message_ja"] as? String }
    }

    let port: Int
    private var fd: Int32 = -1

    init(port: Int) { self.port = port }
    deinit { if fd >= 0 { close(fd) } }

    private func connectIfNeeded() throws {
        if fd >= 0 { return }
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw ClientError.connect(errno) }
    }

    enum ClientError: Error { case connect(Int32), closed, malformed }

    /// One serial queue per client: each gets an overcommit thread of its own.
    /// A shared concurrent queue runs on the root queue Swift's cooperative pool
    /// also uses on Linux, and blocked sockets there starve the server's handlers.
    private let io = DispatchQueue(label: "test-client-io")

    /// Sends one request on the kept-alive connection and reads the response.
    func send(_ method: String, _ target: String, body: String? = nil, token: String? = nil,
              headers extra: [String: String] = [:]) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            self.io.async {
                continuation.resume(with: Result {
                    try self.sendBlocking(method, target, body: body, token: token, headers: extra)
                })
            }
        }
    }

    /// Sends `text` as it is and reads the next response (an interim `100
    /// Continue` included), for tests of what answers a head before its body.
    func sendRaw(_ text: String) async throws -> Response {
        try await onIO {
            try self.connectIfNeeded()
            try self.write(Array(text.utf8))
            return try self.readResponse(method: "POST", keepSocket: true)
        }
    }

    /// Sends `text` as it is without reading anything.
    func writeRaw(_ text: String) async throws {
        try await onIO {
            try self.connectIfNeeded()
            try self.write(Array(text.utf8))
        }
    }

    /// True when the server closed the connection (EOF or reset) before the read timeout.
    func isClosedByServer() async throws -> Bool {
        try await onIO {
            guard self.fd >= 0 else { return true }
            var byte: UInt8 = 0
            while true {
                let n = recv(self.fd, &byte, 1, 0)
                if n == 0 { return true }
                if n < 0 { return errno == ECONNRESET }
            }
        }
    }

    private func onIO<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            self.io.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw ClientError.closed }
            sent += n
        }
    }

    private func sendBlocking(_ method: String, _ target: String, body: String?, token: String?,
                              headers extra: [String: String]) throws -> Response {
        try connectIfNeeded()
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for (k, v) in extra { head += "\(k): \(v)\r\n" }
        let payload = Array((body ?? "").utf8)
        if body != nil {
            if extra["Content-Type"] == nil { head += "Content-Type: application/json\r\n" }
            head += "Content-Length: \(payload.count)\r\n"
        }
        try write(Array((head + "\r\n").utf8) + payload)
        return try readResponse(method: method)
    }

    private var buffer: [UInt8] = []

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBufferPointer { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw ClientError.closed }
        buffer += chunk[0..<n]
    }

    /// Reads one response; closes the socket after `Connection: close` unless `keepSocket`.
    private func readResponse(method: String, keepSocket: Bool = false) throws -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        var end: Int?
        while end == nil {
            if let range = buffer.firstRange(of: separator) { end = range.lowerBound } else { try fill() }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw ClientError.malformed }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = method == "HEAD" ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length { try fill() }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        if headers["connection"]?.lowercased() == "close" && !keepSocket {
            close(fd)
            fd = -1
        }
        return Response(status: status, headers: headers, body: body)
    }
}
