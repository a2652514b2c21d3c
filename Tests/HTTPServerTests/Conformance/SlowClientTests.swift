import Foundation
import Glibc
import TestEvents
import Testing
@testable import HTTPServer

/// Slow clients (docs/SERVER.md §1.13, RFC 9112 §9.5): a bounded slowloris —
/// many connections that trickle a head one byte at a time — and a reader
/// that never reads. They are cut off at their deadlines, and meanwhile other
/// clients are served. Real time is what the deadline tests test, so they
/// trickle and wait on the wall clock, with bounds loose enough for a busy
/// machine; how fast the others are served is measured by bench/slowloris.sh
/// (1,000 connections against the release build), not here.
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
            let report = try await blocking { try Trickle.run(port: port, connections: Self.tricklers, atMost: 20) }
            #expect(report.opened == Self.tricklers)
            #expect(report.answered408 == Self.tricklers, "every trickling head gets 408 (RFC 9110 §15.5.9)")
            #expect(report.closed == Self.tricklers, "and is closed")
            let early = report.closedAfter.filter { $0 < Self.headerTimeout * 0.9 }
            // A per-read deadline would never close a head that keeps
            // trickling; two seconds of slack absorb a loaded machine.
            let late = report.closedAfter.filter { $0 > Self.headerTimeout + 2.0 }
            #expect(early.isEmpty, "none is cut off before the deadline: \(early)")
            #expect(late.isEmpty, "none outlives the deadline by two seconds: \(late)")
        }
    }

    /// While every trickling head is still pending (the header deadline is
    /// set far beyond the test), a normal client on the same single event
    /// loop gets all 20 of its answers.
    @Test func tricklingHeadsDoNotDelayOtherClients() async throws {
        try await withServer({
            Self.configure(&$0)
            $0.headerTimeout = .seconds(120)
        }) { server in
            let port = server.port
            let opened = Signal(), served = Signal()
            async let trickle = blocking {
                try Trickle.run(port: port, connections: Self.tricklers, atMost: 120, opened: opened, until: served)
            }
            try await opened.wait(for: "every trickler connected")
            let statuses = try await blocking { () -> [Int] in
                let client = try TestClient(port: port)
                return try (0..<20).map { _ in
                    try client.send(getHealth)
                    return try client.readResponse().status
                }
            }
            served.signal()
            let report = try await trickle
            #expect(statuses == Array(repeating: 200, count: 20), "normal requests kept flowing: \(statuses)")
            #expect(report.opened == Self.tricklers)
            #expect(report.closed == 0, "while every trickling head was still pending")
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
            let (served, slow) = try await blocking { () -> (Int, Int32) in
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
                // Nothing signals that the echo has filled the slow reader's
                // window; a moment lets it, and the check holds either way.
                usleep(100_000)
                let other = try TestClient(port: port)
                try other.send(getHealth)
                let status = try other.readResponse().status
                return (status, slow)
            }
            defer { Glibc.close(slow) }
            #expect(served == 200, "another client is served while the slow reader stalls")
            try await waitUntil("the stalled connection is closed at the write deadline") { server.openConnections == 0 }
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
        /// Seconds from a connection's connect to the server's close: a new
        /// connection's head deadline runs from its accept (docs/SERVER.md
        /// §1.13), which a busy trickler may reach well before it gets
        /// round to the first byte.
        var closedAfter: [Double] = []
    }

    static let head = Array("GET /health HTTP/1.1\r\nHost: a\r\nX-Slow: ".utf8)

    /// Trickles until every connection is closed, `stop` is signalled or
    /// `seconds` have passed; `opened` is signalled once all are connected
    /// and have sent their first byte.
    static func run(port: Int, connections: Int, atMost seconds: Double, interval: useconds_t = 100_000,
                    opened: Signal? = nil, until stop: Signal? = nil) throws -> Report {
        var report = Report()
        var fds: [Int32] = []
        // Intervals on the monotonic clock, as the server's deadlines are:
        // the wall clock may be slewed or stepped meanwhile.
        let clock = ContinuousClock()
        var connected: [ContinuousClock.Instant] = []
        defer { for fd in fds { Glibc.close(fd) } }
        for _ in 0..<connections {
            let fd = try connectRaw(port: port)
            connected.append(clock.now)
            fds.append(fd)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        report.opened = fds.count
        var sent = [Int](repeating: 0, count: fds.count)
        var received = [[UInt8]](repeating: [], count: fds.count)
        var done = [Bool](repeating: false, count: fds.count)
        let end = clock.now + .milliseconds(Int64(seconds * 1000))
        var chunk = [UInt8](repeating: 0, count: 4096)
        while clock.now < end && done.contains(false) && !(stop?.isSignalled ?? false) {
            for i in fds.indices where !done[i] {
                var byte = sent[i] < head.count ? head[sent[i]] : UInt8(ascii: "a")
                if Glibc.send(fds[i], &byte, 1, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) == 1 {
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
                        let after = (clock.now - connected[i]).components
                        report.closedAfter.append(Double(after.seconds) + Double(after.attoseconds) / 1e18)
                        if received[i].starts(with: Array("HTTP/1.1 408 ".utf8)) { report.answered408 += 1 }
                    }
                    break
                }
            }
            if !sent.contains(0) { opened?.signal() }
            // One byte per connection per interval of real time: slowloris.
            usleep(interval)
        }
        return report
    }
}
