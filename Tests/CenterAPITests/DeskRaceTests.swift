import CenterDomain
import Foundation
import Glibc
import Testing
@testable import CenterAPI

/// 50 freelancers, each with its own registration, member token and
/// connection, race for the last free desk: exactly one wins.
///
/// The racers send from threads of their own (`RacerConnection`): 50 reads
/// blocked at once on Dispatch's shared pool, as `TestClient` does, would
/// starve the server's handlers on Linux.
@Suite(.serialized) struct DeskRaceTests {
    @Test func deskFiftyFreelancersRaceForTheLastDeskAndExactlyOneWins() async throws {
        let server = try await TestServer()
        let setup = server.client()
        for _ in 0..<19 {
            let id = try await server.register("freelancer", client: setup)
            let booked = try await setup.send("POST", "/desk-passes", body: deskBody("2026-11-26", "pm", registration: id),
                                              token: server.adminToken)
            #expect(booked.status == 201)
        }
        var racers: [String] = []
        for _ in 0..<50 { racers.append(try await server.deskFreelancer(client: setup).token) }

        let port = server.port
        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for token in racers {
                group.addTask { try await RacerConnection.post(port: port, "/desk-passes", body: deskBody("2026-11-26", "pm"), token: token) }
            }
            var all: [(Int, String)] = []
            for try await answer in group { all.append(answer) }
            return all
        }
        let winners = answers.filter { $0.0 == 201 }
        #expect(winners.count == 1)
        #expect(winners.first?.1.contains(#""desk":"desk-20""#) == true)
        #expect(answers.filter { $0.0 == 409 && $0.1.contains(#""code":"no_desk_free""#) }.count == 49)
        let live: Int64? = try await server.service.pool.read { db in
            try db.queryOne("""
                SELECT count(*) AS n FROM desk_pass_periods
                WHERE live = 1 AND desk_id = 'desk-20' AND date = '2026-11-26' AND period_unit = 'pm'
                """)?.get("n")
        }
        #expect(live == 1)
        await server.stop()
    }
}

/// One request on a connection of its own, sent and read on a dedicated
/// thread (`Connection: close`, read to the end), returning status and body.
enum RacerConnection {
    enum Failure: Error { case connect, send, malformed }

    static func post(port: Int, _ path: String, body: String, token: String) async throws -> (Int, String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try exchange(port: port, path: path, body: body, token: token) })
            }
        }
    }

    private static func exchange(port: Int, path: String, body: String, token: String) throws -> (Int, String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure.connect }
        let payload = Array(body.utf8)
        let request = Array(("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(payload.count)\r\nConnection: close\r\n\r\n").utf8) + payload
        guard request.withUnsafeBufferPointer({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
            throw Failure.send
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += chunk[0..<n]
        }
        let text = String(decoding: received, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        guard let statusLine = parts.first?.split(separator: " "), statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure.malformed
        }
        return (status, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
