import Foundation
import Glibc
import Synchronization
import Testing
import Operations

/// The supervisor with real worker processes (`/bin/sh` scripts) that crash,
/// fail, refuse to start or run until told to stop.
@Suite struct SupervisorTests {
    final class Events: Sendable {
        private let list = Mutex<[Supervisor.Event]>([])
        func append(_ event: Supervisor.Event) { list.withLock { $0.append(event) } }
        var all: [Supervisor.Event] { list.withLock { $0 } }
        var deaths: [(Termination, Duration)] {
            all.compactMap { if case .died(_, let termination, _, let delay) = $0 { (termination, delay) } else { nil } }
        }
        var starts: Int { all.filter { if case .started = $0 { true } else { false } }.count }
    }

    /// Runs a supervisor of `script` on a thread of its own; returns the
    /// supervisor, its events, and a task with its exit status.
    func supervise(_ script: String, stopGrace: Duration = .seconds(5)) -> (Supervisor, Events, Task<Int32, Never>) {
        let events = Events()
        let supervisor = Supervisor(configuration: .init(executable: "/bin/sh", arguments: ["sh", "-c", script],
                                                         stopGrace: stopGrace)) { events.append($0) }
        let task = Task<Int32, Never> {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: supervisor.run(handlingSignals: false)) }.start()
            }
        }
        return (supervisor, events, task)
    }

    func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition(), "\(what)")
    }

    @Test func workerKilledBySignalIsRestartedWithGrowingDelays() async throws {
        let (supervisor, events, status) = supervise("kill -SEGV $$")
        try await waitUntil("three deaths") { events.deaths.count >= 3 }
        supervisor.requestStop()
        #expect(await status.value == 0)
        let deaths = events.deaths.prefix(3)
        #expect(deaths.allSatisfy { if case .signaled(SIGSEGV, _) = $0.0 { true } else { false } })
        #expect(deaths.map(\.1) == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
        #expect(events.starts >= 3)
        #expect(events.all.first.map { if case .started(_, 1) = $0 { true } else { false } } == true)
        #expect(events.all.last.map { if case .stopped = $0 { true } else { false } } == true)
    }

    @Test func workerExitingNonZeroIsRestarted() async throws {
        let (supervisor, events, status) = supervise("exit 3")
        try await waitUntil("two deaths") { events.deaths.count >= 2 }
        supervisor.requestStop()
        #expect(await status.value == 0)
        #expect(events.deaths.first?.0 == .exited(3))
        let died = try #require(events.all.first { if case .died = $0 { true } else { false } })
        #expect(died.level == "error")
        #expect(died.message == "worker died with status 3; restarting")
        #expect(died.fields.contains { $0 == ("status", "3") })
        #expect(died.fields.contains { $0 == ("restart_in_s", "0.100") })
    }

    @Test func workerThatCannotStartIsNotRestarted() async throws {
        let (_, events, status) = supervise("exit \(WorkerExit.doNotRestart)")
        #expect(await status.value == WorkerExit.doNotRestart)
        #expect(events.starts == 1)
        #expect(events.deaths.isEmpty)
    }

    @Test func workerThatStopsCleanlyStopsTheSupervisor() async throws {
        let (_, events, status) = supervise("exit 0")
        #expect(await status.value == 0)
        #expect(events.starts == 1)
        #expect(events.all.last.map { if case .exitedCleanly = $0 { true } else { false } } == true)
    }

    @Test func stopIsForwardedToTheWorkerAndWaitedFor() async throws {
        let marker = NSTemporaryDirectory() + "supervisor-\(UUID().uuidString)"
        defer { unlink(marker) }
        // The worker traps SIGTERM, leaves a mark, and exits 0: a clean stop.
        let (supervisor, events, status) = supervise("trap 'echo stopped > \(marker); exit 0' TERM; while true; do sleep 0.05; done")
        try await waitUntil("the worker runs") { events.starts == 1 }
        try await Task.sleep(for: .milliseconds(200))
        supervisor.requestStop(signal: SIGTERM)
        #expect(await status.value == 0)
        #expect(FileManager.default.fileExists(atPath: marker), "the worker received SIGTERM")
        #expect(events.all.contains { if case .stopping(SIGTERM, _) = $0 { true } else { false } })
        #expect(events.deaths.isEmpty)
    }

    @Test func workerIgnoringTheStopIsKilledAfterTheGrace() async throws {
        let (supervisor, events, status) = supervise("trap '' TERM; while true; do sleep 0.05; done", stopGrace: .milliseconds(300))
        try await waitUntil("the worker runs") { events.starts == 1 }
        try await Task.sleep(for: .milliseconds(200))
        supervisor.requestStop(signal: SIGTERM)
        #expect(await status.value == 0)
        #expect(events.all.contains { if case .killed = $0 { true } else { false } })
    }

    @Test func missingExecutableIsRetriedWithBackoff() async throws {
        let events = Events()
        let supervisor = Supervisor(configuration: .init(executable: "/nonexistent/worker", arguments: ["worker"])) { events.append($0) }
        let status = Task<Int32, Never> {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: supervisor.run(handlingSignals: false)) }.start()
            }
        }
        try await waitUntil("two failed starts") {
            events.all.filter { if case .cannotSpawn = $0 { true } else { false } }.count >= 2
        }
        supervisor.requestStop()
        #expect(await status.value == 0)
    }
}
