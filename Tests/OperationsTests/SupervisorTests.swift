import Foundation
import Glibc
import TestEvents
import Testing
import Operations

/// The supervisor with real worker processes (`/bin/sh` scripts) that crash,
/// fail, refuse to start or run until told to stop.
@Suite struct SupervisorTests {
    /// The supervisor's events as they come; tests wait on them.
    final class Events: Sendable {
        private let list = Observed<[Supervisor.Event]>([])
        func append(_ event: Supervisor.Event) { list.update { $0.append(event) } }
        var all: [Supervisor.Event] { list.value }
        var deaths: [(Termination, Duration)] { all.deaths }
        var starts: Int { all.starts }

        /// Returns once `condition` holds of the events so far.
        func wait(_ what: String, until condition: @escaping @Sendable ([Supervisor.Event]) -> Bool) async throws {
            try await list.wait(for: what, until: condition)
        }
    }

    /// Runs a supervisor of `script` on a thread of its own; returns the
    /// supervisor, its events, and a task with its exit status.
    func supervise(_ script: String, stopGrace: Duration = .seconds(5)) -> (Supervisor, Events, Task<Int32, Never>) {
        let events = Events()
        let supervisor = Supervisor(configuration: .init(executable: "/bin/sh", arguments: ["sh", "-c", script],
                                                         stopGrace: stopGrace)) { events.append($0) }
        let task = Task<Int32, Never> { await blocking { supervisor.run(handlingSignals: false) } }
        return (supervisor, events, task)
    }

    @Test func workerKilledBySignalIsRestartedWithGrowingDelays() async throws {
        let (supervisor, events, status) = supervise("kill -SEGV $$")
        try await events.wait("three deaths") { $0.deaths.count >= 3 }
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
        try await events.wait("two deaths") { $0.deaths.count >= 2 }
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
        let ready = marker + ".ready"
        defer { unlink(marker); unlink(ready) }
        // The worker traps SIGTERM, says so, leaves a mark on SIGTERM, and exits 0: a clean stop.
        let (supervisor, events, status) = supervise(
            "trap 'echo stopped > \(marker); exit 0' TERM; : > \(ready); while true; do sleep 0.05; done")
        try await events.wait("the worker runs") { $0.starts == 1 }
        try await waitUntil("the worker traps SIGTERM") { FileManager.default.fileExists(atPath: ready) }
        supervisor.requestStop(signal: SIGTERM)
        #expect(await status.value == 0)
        #expect(FileManager.default.fileExists(atPath: marker), "the worker received SIGTERM")
        #expect(events.all.contains { if case .stopping(SIGTERM, _) = $0 { true } else { false } })
        #expect(events.deaths.isEmpty)
    }

    @Test func workerIgnoringTheStopIsKilledAfterTheGrace() async throws {
        let ready = NSTemporaryDirectory() + "supervisor-\(UUID().uuidString).ready"
        defer { unlink(ready) }
        let (supervisor, events, status) = supervise("trap '' TERM; : > \(ready); while true; do sleep 0.05; done",
                                                     stopGrace: .milliseconds(300))
        try await events.wait("the worker runs") { $0.starts == 1 }
        try await waitUntil("the worker ignores SIGTERM") { FileManager.default.fileExists(atPath: ready) }
        supervisor.requestStop(signal: SIGTERM)
        #expect(await status.value == 0)
        #expect(events.all.contains { if case .killed = $0 { true } else { false } })
    }

    @Test func missingExecutableIsRetriedWithBackoff() async throws {
        let events = Events()
        let supervisor = Supervisor(configuration: .init(executable: "/nonexistent/worker", arguments: ["worker"])) { events.append($0) }
        let status = Task<Int32, Never> { await blocking { supervisor.run(handlingSignals: false) } }
        try await events.wait("two failed starts") {
            $0.filter { if case .cannotSpawn = $0 { true } else { false } }.count >= 2
        }
        supervisor.requestStop()
        #expect(await status.value == 0)
    }
}

extension [Supervisor.Event] {
    var deaths: [(Termination, Duration)] {
        compactMap { if case .died(_, let termination, _, let delay) = $0 { (termination, delay) } else { nil } }
    }
    var starts: Int { filter { if case .started = $0 { true } else { false } }.count }
}
