import Foundation
import Glibc

/// A thread of its own for the simulation's runs: a task that prefers it
/// (`withTaskExecutorPreference`, `addTask(executorPreference:)`) runs its
/// jobs here, the service's reads and the checker's SQL included, rather
/// than on Swift's cooperative pool. A run is long synchronous work (SQLite
/// on the calling thread, invariants after every step); on the pool's two
/// threads of a two-core machine it would starve the other tests of the
/// same process (their HTTP servers time out), while threads of our own are
/// shared out by the kernel like any other. They run at a lower priority
/// (nice 10, per thread on Linux): the simulation takes the CPU the other
/// tests leave, rather than slowing their servers past their deadlines.
public final class SimulationThread: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: `jobs` and `stopped` are only touched under `condition`.
    private let condition = NSCondition()
    /// The threads' nice value: below the other tests', above nothing.
    static let niceness: Int32 = 10
    private var jobs: [UnownedJob] = []
    private var stopped = false

    /// Starts the thread, named `name`.
    public init(name: String) {
        let thread = Thread { [self] in
            Thread.current.name = name
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
            loop()
        }
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread once the jobs it has are run.
    public func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

extension SimulationThread {
    /// Runs `work` on a thread of its own, which ends with it.
    public static func run<T: Sendable>(named name: String, _ work: @Sendable () async throws -> T) async throws -> T {
        let thread = SimulationThread(name: name)
        defer { thread.stop() }
        return try await withTaskExecutorPreference(thread) { try await work() }
    }
}
