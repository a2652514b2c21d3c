import CenterService
import Foundation
import Glibc
import Testing

/// `nakano-center serve` as an operator runs it: real processes, the real
/// binary. One server per database; integrity at start; the supervisor
/// restarting a worker that crashes or fails; SIGTERM stopping both.
@Suite(.serialized) struct ServeProcessTests {
    @Test func binaryIsBuiltBesideTheTests() {
        #expect(FileManager.default.isExecutableFile(atPath: ServeProcess.executable), "\(ServeProcess.executable)")
    }

    @Test func secondServerOnTheSameDatabaseExitsAtOnceNamingTheFirst() async throws {
        let folder = DataFolder()
        defer { folder.remove() }
        let first = try ServeProcess(folder.serve())
        _ = try await first.port()
        for extra in [[], ["--no-supervise"]] {
            let started = Date()
            let second = try await ServeProcess.run(folder.serve(extra))
            #expect(second.status == 1)
            #expect(second.errors.contains("\(folder.database) is in use by process \(first.pid)"), "\(second.errors)")
            #expect(Date().timeIntervalSince(started) < 10, "at once, without waiting")
        }
        #expect(first.isRunning, "the first server is untouched")
        await first.stop()
        #expect(try await first.exitStatus() == 0)
        // Once the first has stopped, the database is free again.
        let third = try ServeProcess(folder.serve(["--no-supervise"]))
        _ = try await third.port()
        await third.stop()
    }

    @Test func damagedCopyIsRefusedNamingTheTableAndHowToRestore() async throws {
        let directory = try await OperationsEndpointTests.damagedDatabase()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/center.sqlite"
        let result = try await ServeProcess.run(["serve", "--port", "0", "--database", database] + ServeProcess.configArguments)
        #expect(result.status == 78, "the supervisor does not restart a worker that cannot start")
        #expect(result.errors.contains("\(database) is damaged: PRAGMA quick_check found problems, so the server will not start."))
        #expect(result.errors.contains("table registrations:"))
        #expect(result.errors.contains("nakano-center restore"))
        #expect(!result.output.contains("\"listening\""))
        #expect(result.output.contains("worker cannot start"))
        let check = try await ServeProcess.run(["check-database", "--database", database] + ServeProcess.configArguments)
        #expect(check.status == 1)
        #expect(check.errors.contains("PRAGMA integrity_check found problems"))
        #expect(check.errors.contains("table registrations:"))
    }

    @Test func workerKilledBySignalIsRestartedAndSIGTERMStopsBoth() async throws {
        let folder = DataFolder()
        defer { folder.remove() }
        let server = try ServeProcess(folder.serve())
        _ = try await server.port()
        let worker = try #require(Int32(try await server.waitFor("worker started")["pid"] ?? ""))
        kill(worker, SIGSEGV)
        let death = try await server.waitFor("worker died with signal SIGSEGV; restarting")
        #expect(death["level"] == "error")
        #expect(death["pid"] == String(worker))
        #expect(death["restart_in_s"] == "0.100")
        let restarted = try #require(Int32(try await server.waitFor("worker restarted")["pid"] ?? ""))
        let port = try await server.port(listening: 2)
        #expect(try await TestClient(port: port).send("GET", "/health").status == 200)

        kill(restarted, SIGKILL)
        let second = try await server.waitFor("worker died with signal SIGKILL; restarting")
        #expect(second["restart_in_s"] == "0.200", "quick deaths double the delay")
        _ = try await server.port(listening: 3)
        let last = try #require(Int32(try await server.waitFor("worker restarted", count: 2)["pid"] ?? ""))

        server.signal(SIGTERM)
        #expect(try await server.exitStatus() == 0)
        _ = try await server.waitFor("stopping: SIGTERM forwarded to the worker")
        _ = try await server.waitFor("supervisor stopped")
        #expect(kill(last, 0) != 0, "the worker has stopped too")
        #expect(server.lines("worker died with signal SIGTERM; restarting").isEmpty, "a stop is not a death")
    }

    @Test func workerExitingNonZeroIsRestartedWithGrowingDelays() async throws {
        let folder = DataFolder()
        defer { folder.remove() }
        // The port is taken, so each worker exits with status 1 until it is freed.
        let blocker = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(blocker, $0, length) == 0 && listen(blocker, 1) == 0
                && getsockname(blocker, $0, &length) == 0 }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--database", folder.database] + ServeProcess.configArguments
        let server = try ServeProcess(arguments)
        let deaths = try await (1...3).asyncMap { try await server.waitFor("worker died with status 1; restarting", count: $0) }
        #expect(deaths.map { $0["restart_in_s"] } == ["0.100", "0.200", "0.400"])
        #expect(server.errorText.contains("cannot listen on 127.0.0.1:\(port)"))
        close(blocker)
        #expect(try await server.port() == port, "up once the port is free")
        server.signal(SIGINT)
        #expect(try await server.exitStatus() == 0, "SIGINT stops it as cleanly as SIGTERM")
        _ = try await server.waitFor("stopping: SIGINT forwarded to the worker")
    }
}

extension ClosedRange where Bound == Int {
    func asyncMap<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for value in self { results.append(try await transform(value)) }
        return results
    }
}
