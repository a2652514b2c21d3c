import Dispatch
import Foundation
import Glibc
import TestEvents
@testable import HTTPServer

/// A blocking socket client for end-to-end tests, run off the cooperative
/// pool (in TestEvents' `blocking`) so that it can never starve the server's
/// handlers.
final class TestClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let fd: Int32
    var buffer: [UInt8] = []

    /// `readTimeout` bounds each read against a hang; it is not a wait a
    /// test relies on, so it is generous: on a loaded machine an answer may
    /// take seconds, and the server's own deadlines (handler: 30 s) answer
    /// before it runs out.
    init(port: Int, readTimeout: Double = 60) throws {
        // connectRaw closes its socket itself when the connect fails, before
        // `fd` is set. Closing it here as well was a double close: a class
        // whose initializer throws once every property is set still runs its
        // deinit, whose close then hit whatever descriptor another thread had
        // just been given that number (a server's listener, a database file,
        // an event loop's epoll), each refused connect of a test that waits
        // for a listener to go.
        fd = try connectRaw(port: port)
        var tv = timeval(tv_sec: Int(readTimeout), tv_usec: Int((readTimeout - Double(Int(readTimeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += n
        }
    }

    /// Reads more bytes; false on EOF, error or timeout.
    func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[..<n])
        return true
    }

    /// Reads one response; `head` for a response to HEAD (no body).
    func readResponse(head: Bool = false) throws -> Response {
        let crlf2 = Array("\r\n\r\n".utf8)
        var end: Int?
        while true {
            if buffer.count >= 4 {
                end = (0...(buffer.count - 4)).first { Array(buffer[$0..<($0 + 4)]) == crlf2 }
                if end != nil { break }
            }
            guard fill() else { throw Failure(description: "no complete response head") }
        }
        let headText = String(decoding: buffer[..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = head ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length {
            guard fill() else { throw Failure(description: "short body") }
        }
        let body = String(decoding: buffer[..<length], as: UTF8.self)
        buffer.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    /// True if the server closes the connection (EOF or reset) before the read timeout.
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        while true {
            let n = recv(fd, &byte, 1, 0)
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }
}

/// One `GET target` on a fresh connection, its response read.
func get(_ port: Int, _ target: String) async throws -> TestClient.Response {
    try await blocking {
        let client = try TestClient(port: port)
        try client.send("GET \(target) HTTP/1.1\r\nHost: t\r\n\r\n")
        return try client.readResponse()
    }
}

/// A connected loopback socket, close-on-exec (no child process inherits
/// it); `receiveBuffer` is set before connecting so that the advertised
/// window stays small. On failure the socket is closed and nothing is returned.
func connectRaw(port: Int, receiveBuffer: Int32? = nil) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw TestClient.Failure(description: "socket failed: errno \(errno)") }
    if var size = receiveBuffer {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard result == 0 else {
        let code = errno
        Glibc.close(fd)
        throw TestClient.Failure(description: "connect failed: errno \(code)")
    }
    return fd
}

/// The router every end-to-end test talks to.
func testRouter() throws -> Router {
    var router = Router()
    try router.add(.GET, "/health") { _ in
        HTTPResponse(headers: ["Content-Type": "application/json"], body: Array(#"{"status":"ok"}"#.utf8))
    }
    try router.add(.POST, "/echo") { request in HTTPResponse(body: request.body) }
    try router.add(.POST, "/guarded", headCheck: { request in
        request.headers["authorization"] == "Bearer ok" ? nil : HTTPResponse(status: .unauthorized, body: Array("no".utf8))
    }) { request in HTTPResponse(body: request.body) }
    // A head check and a handler that take real time: what the handler
    // deadline and the concurrency tests are about.
    try router.add(.POST, "/slow-guard", headCheck: { _ in
        try? await Task.sleep(for: .seconds(5))
        return nil
    }) { request in HTTPResponse(body: request.body) }
    try router.add(.GET, "/items/{id}") { request in HTTPResponse(body: Array((request.pathParameters["id"] ?? "").utf8)) }
    try router.add(.GET, "/big") { _ in HTTPResponse(body: [UInt8](repeating: 120, count: 16 << 20)) }
    try router.add(.GET, "/slow") { request in
        let ms = Int(request.queryValue("ms") ?? "1000") ?? 1000
        if let id = request.queryValue("arrival") { handlerArrivals.update { $0.insert(id) } }
        if let id = request.queryValue("held") {
            _ = try? await handlerReleases.wait(for: "the release of \(id)") { $0.contains(id) }
        } else {
            try? await Task.sleep(for: .milliseconds(ms))
        }
        return HTTPResponse(body: Array("slow".utf8))
    }
    return router
}

/// The `arrival` ids of the `/slow` requests whose handler has started, so
/// that a test knows a request is in flight without sleeping.
let handlerArrivals = Observed<Set<String>>([])

/// The `held` ids of the `/slow` requests a test lets finish: such a
/// request's handler runs until its id is added here.
let handlerReleases = Observed<Set<String>>([])

/// Starts a server on an ephemeral port, runs `body`, then shuts it down;
/// `responder` defaults to `testRouter()`.
func withServer(_ configure: (inout HTTPServer.Configuration) -> Void = { _ in }, responder: Router? = nil,
                _ body: (HTTPServer) async throws -> Void) async throws {
    var configuration = HTTPServer.Configuration()
    configuration.port = 0
    configuration.eventLoopCount = 2
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, responder: try responder ?? testRouter())
    try server.start()
    do {
        try await body(server)
    } catch {
        await server.shutdown()
        throw error
    }
    await server.shutdown()
}

let getHealth = "GET /health HTTP/1.1\r\nHost: t\r\n\r\n"
