import Foundation
import Glibc
import Testing
@testable import HTTPServer

/// Slow clients (docs/SERVER.md §1.13, RFC 9112 §9.5): a bounded slowloris —
/// many connections that trickle a head one byte at a time — and a reader
/// that never reads. They are cut off at their deadlines, and meanwhile other
/// clients are served promptly. The full-size run (1,000 connections against
/// the release build) is bench/slowloris.sh.
@Suite(.serialized) struct SlowClientTests {
    static let tricklers = 200
    static let headerTimeout = 1.0

    static func configure(_ configuration: inout HTTPServer.Configuration) {
        configuration.eventLoopCount = 1
        configuration.headerTimeout = .milliseconds(Int64(headerTimeout * 1000))
        configuration.shutdownGracePeriod = .seconds(2)
    }

    @Test func tricklingHeadsAreAnswered408AtTheHeaderDeadline() async throws {
        try await withServer(Self.configure) { server in
            let port = server.port
            let report = try await onThread { try Trickle.run(port: port, connections: Self.tricklers, seconds: 2.5) }
            #expect(report.opened == Self.tricklers)
            #expect(report.answered408 == Self.tricklers, "every trickling head gets 408 (RFC 9110 §15.5.9)")
            #expect(report.closed == Self.tricklers, "and is closed")
            let early = report.closedAfter.filter { $0 < Self.headerTimeout * 0.9 }
            let late = report.closedAfter.filter { $0 > Self.headerTimeout + 1.0 }
            #expect(early.isEmpty, "none is cut off before the deadline: \(early)")
            #expect(late.isEmpty, "none outlives the deadline by a second: \(late)")
        }
    }

    @Test func tricklingHeadsDoNotDelayOtherClients() async throws {
        try await withServer(Self.configure) { server in
            let port = server.port
            async let trickle = onThread { try Trickle.run(port: port, connections: Self.tricklers, seconds: 2.0) }
            let latencies = try await onThread { () -> [Double] in
                usleep(200_000)
                let client = try TestClient(port: port)
                var latencies: [Double] = []
                let end = Date().addingTimeInterval(1.5)
                while Date() < end {
                    let start = Date()
                    try client.send(getHealth)
                    guard try client.readResponse().status == 200 else { break }
                    latencies.append(Date().timeIntervalSince(start))
                    usleep(10_000)
                }
                return latencies
            }
            _ = try await trickle
            let sorted = latencies.sorted()
            #expect(sorted.count >= 20, "normal requests kept flowing: \(sorted.count)")
            if !sorted.isEmpty {
                let median = sorted[sorted.count / 2]
                let p90 = sorted[sorted.count * 9 / 10]
                // Debug build on a shared machine, other suites running: bound
                // loosely; the 50 ms p99 goal is measured on the release build
                // by bench/slowloris.sh.
                #expect(median < 0.1, "median \(median) s")
                #expect(p90 < 0.5, "p90 \(p90) s")
            }
        }
    }

    @Test func readerThatNeverReadsIsClosedAtTheWriteDeadline() async throws {
        try await withServer({
            $0.eventLoopCount = 1
            $0.maxBodyBytes = 8 << 20
            $0.writeTimeout = .milliseconds(300)
            $0.lingerTimeout = .milliseconds(200)
        }) { server in
            let port = server.port
            let (served, slow) = try await onThread { () -> (Int, Int32) in
                // A response far larger than the socket buffers between them.
                let body = [UInt8](repeating: UInt8(ascii: "z"), count: 6 << 20)
                let slow = try connectRaw(port: port, receiveBuffer: 4096)
                let request = Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
                var offset = 0
                while offset < request.count {
                    let n = request[offset...].withUnsafeBytes { Glibc.send(slow, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    guard n > 0 else { break }
                    offset += n
                }
                usleep(100_000)
                let other = try TestClient(port: port)
                try other.send(getHealth)
                let status = try other.readResponse().status
                return (status, slow)
            }
            defer { Glibc.close(slow) }
            #expect(served == 200, "another client is served while the slow reader stalls")
            var open = server.openConnections
            for _ in 0..<40 where open > 0 {
                try await Task.sleep(for: .milliseconds(50))
                open = server.openConnections
            }
            #expect(open == 0, "the stalled connection was closed at the write deadline")
        }
    }
}

/// Connections that send a request head one byte per interval and never
/// finish it, as slowloris does; each notes when the server answered and
/// closed it.
enum Trickle {
    struct Report: Sendable {
        var opened = 0
        var answered408 = 0
        var closed = 0
        /// Seconds from a connection's first byte to the server's close.
        var closedAfter: [Double] = []
    }

    static let head = Array("GET /health HTTP/1.1\r\nHost: a\r\nX-Slow: ".utf8)

    static func run(port: Int, connections: Int, seconds: Double, interval: useconds_t = 100_000) throws -> Report {
        var report = Report()
        var fds: [Int32] = []
        defer { for fd in fds { Glibc.close(fd) } }
        for _ in 0..<connections {
            let fd = try connectRaw(port: port)
            fds.append(fd)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        report.opened = fds.count
        var sent = [Int](repeating: 0, count: fds.count)
        var firstByte = [Date?](repeating: nil, count: fds.count)
        var received = [[UInt8]](repeating: [], count: fds.count)
        var done = [Bool](repeating: false, count: fds.count)
        let end = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while Date() < end && done.contains(false) {
            for i in fds.indices where !done[i] {
                var byte = sent[i] < head.count ? head[sent[i]] : UInt8(ascii: "a")
                if Glibc.send(fds[i], &byte, 1, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) == 1 {
                    if firstByte[i] == nil { firstByte[i] = Date() }
                    sent[i] += 1
                }
                while true {
                    let n = chunk.withUnsafeMutableBytes { recv(fds[i], $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                    if n > 0 {
                        received[i].append(contentsOf: chunk[..<n])
                        continue
                    }
                    if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                        done[i] = true
                        report.closed += 1
                        report.closedAfter.append(Date().timeIntervalSince(firstByte[i] ?? Date()))
                        if received[i].starts(with: Array("HTTP/1.1 408 ".utf8)) { report.answered408 += 1 }
                    }
                    break
                }
            }
            usleep(interval)
        }
        return report
    }
}

/// A connected loopback socket; `receiveBuffer` is set before connecting so
/// that the advertised window stays small.
func connectRaw(port: Int, receiveBuffer: Int32? = nil) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
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
