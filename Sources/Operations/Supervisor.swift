import CLinux
import Glibc
import Synchronization

/// Keeps a worker process running: starts it, restarts it with backoff
/// (`RestartBackoff`) when it dies by a signal or with a non-zero status,
/// forwards SIGTERM and SIGINT to it and stops once it has stopped.
///
/// - A worker that exits with status 0 stopped on purpose: the supervisor
///   stops too (as systemd's `Restart=on-failure` would).
/// - A worker that exits with `WorkerExit.doNotRestart` cannot start (a bad
///   configuration, a damaged database): the supervisor stops with that
///   status rather than retrying forever.
/// - On SIGTERM or SIGINT the signal is forwarded and the worker given
///   `stopGrace` to finish; a second signal, or the end of the grace,
///   kills it. A stop while the worker is down (between restarts) is
///   immediate.
///
/// The worker is started with `posix_spawn` and an empty signal mask, with
/// `NAKANO_SUPERVISOR_PID` in its environment so it can ask the kernel to
/// stop it if the supervisor dies (`WorkerGuard`).
public final class Supervisor: Sendable {
    /// What the supervisor reports as it goes; the caller logs it.
    public enum Event: Sendable, Equatable {
        case started(pid: Int32, attempt: Int)
        case died(pid: Int32, termination: Termination, uptime: Duration, restartIn: Duration)
        case cannotSpawn(reason: String, restartIn: Duration)
        case cannotStart(pid: Int32)
        case exitedCleanly(pid: Int32)
        case stopping(signal: Int32, pid: Int32)
        case killed(pid: Int32)
        case stopped(termination: Termination?)

        /// `info`, `warning` or `error`: a death is an error, a restart or
        /// a forced kill a warning, the rest information.
        public var level: String {
            switch self {
            case .died, .cannotSpawn, .cannotStart: "error"
            case .killed: "warning"
            case .started, .exitedCleanly, .stopping, .stopped: "info"
            }
        }

        public var message: String {
            switch self {
            case .started(_, let attempt): attempt == 1 ? "worker started" : "worker restarted"
            case .died(_, let termination, _, _): "worker died with \(termination); restarting"
            case .cannotSpawn: "cannot start the worker; retrying"
            case .cannotStart: "worker cannot start (status \(WorkerExit.doNotRestart)); not restarting"
            case .exitedCleanly: "worker exited with status 0; supervisor stops"
            case .stopping(let signal, _): "stopping: \(Termination.name(ofSignal: signal)) forwarded to the worker"
            case .killed: "worker did not stop in time; killed"
            case .stopped: "supervisor stopped"
            }
        }

        public var fields: [(String, String)] {
            switch self {
            case .started(let pid, let attempt): [("pid", String(pid)), ("attempt", String(attempt))]
            case .died(let pid, let termination, let uptime, let restartIn):
                [("pid", String(pid))] + Self.fields(termination)
                    + [("uptime_s", Self.seconds(uptime)), ("restart_in_s", Self.seconds(restartIn))]
            case .cannotSpawn(let reason, let restartIn): [("reason", reason), ("restart_in_s", Self.seconds(restartIn))]
            case .cannotStart(let pid), .exitedCleanly(let pid), .killed(let pid): [("pid", String(pid))]
            case .stopping(let signal, let pid): [("signal", Termination.name(ofSignal: signal)), ("pid", String(pid))]
            case .stopped(let termination): termination.map(Self.fields) ?? []
            }
        }

        private static func fields(_ termination: Termination) -> [(String, String)] {
            switch termination {
            case .exited(let status): [("status", String(status))]
            case .signaled(let signal, let core): [("signal", Termination.name(ofSignal: signal))] + (core ? [("core_dumped", "true")] : [])
            }
        }

        private static func seconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
            return String(format: "%.3f", Double(milliseconds) / 1000)
        }
    }

    /// What to run and how.
    public struct Configuration: Sendable {
        /// Path of the worker's executable.
        public var executable: String
        /// Its arguments, `argv[0]` included.
        public var arguments: [String]
        /// Variables added to (or replacing those of) this process's environment.
        public var environment: [String: String]
        /// How long a worker is given to stop after the forwarded signal.
        public var stopGrace: Duration
        public var backoff: RestartBackoff

        public init(executable: String, arguments: [String], environment: [String: String] = [:],
                    stopGrace: Duration = .seconds(30), backoff: RestartBackoff = RestartBackoff()) {
            self.executable = executable
            self.arguments = arguments
            self.environment = environment
            self.stopGrace = stopGrace
            self.backoff = backoff
        }
    }

    /// The environment variable naming the supervisor's process id.
    public static let supervisorVariable = "NAKANO_SUPERVISOR_PID"

    /// The longest the loop sleeps before looking at the worker again, so a
    /// lost SIGCHLD costs at most this much.
    static let pollInterval: Duration = .milliseconds(250)

    private let configuration: Configuration
    private let log: @Sendable (Event) -> Void
    private let pendingStop = Atomic<Int32>(0)

    public init(configuration: Configuration, log: @escaping @Sendable (Event) -> Void) {
        self.configuration = configuration
        self.log = log
    }

    /// Asks the supervisor to stop as if it had received `signal`.
    public func requestStop(signal: Int32 = SIGTERM) {
        pendingStop.store(signal, ordering: .sequentiallyConsistent)
    }

    /// Runs until stopped; returns the status the supervising process
    /// should exit with. With `handlingSignals`, SIGTERM and SIGINT stop it,
    /// SIGHUP is ignored, and SIGCHLD wakes it: they are blocked in the
    /// calling thread and taken with `sigtimedwait`, so call it before any
    /// other thread exists (threads inherit the mask) or those threads may
    /// take the signals instead.
    public func run(handlingSignals: Bool) -> Int32 {
        var signals = sigset_t()
        sigemptyset(&signals)
        if handlingSignals {
            for signal in [SIGTERM, SIGINT, SIGHUP, SIGCHLD] { sigaddset(&signals, signal) }
            pthread_sigmask(SIG_BLOCK, &signals, nil)
        }
        var backoff = configuration.backoff
        var worker: (pid: Int32, startedAt: Duration)?
        var restartAt: Duration? = Self.now()
        var attempt = 0
        var stopping = false
        var killAt: Duration?

        while true {
            if let current = worker, let termination = Self.reap(current.pid) {
                worker = nil
                if stopping {
                    log(.stopped(termination: termination))
                    return 0
                }
                if termination.isClean {
                    log(.exitedCleanly(pid: current.pid))
                    return 0
                }
                if termination == .exited(WorkerExit.doNotRestart) {
                    log(.cannotStart(pid: current.pid))
                    return WorkerExit.doNotRestart
                }
                let now = Self.now()
                let delay = backoff.delay(afterDeathAt: now)
                log(.died(pid: current.pid, termination: termination, uptime: now - current.startedAt, restartIn: delay))
                restartAt = now + delay
            }
            let signal = pendingStop.exchange(0, ordering: .sequentiallyConsistent)
            if signal != 0 {
                guard let current = worker else {
                    log(.stopped(termination: nil))
                    return 0
                }
                if stopping {
                    kill(current.pid, SIGKILL)
                    log(.killed(pid: current.pid))
                } else {
                    stopping = true
                    kill(current.pid, signal)
                    killAt = Self.now() + configuration.stopGrace
                    log(.stopping(signal: signal, pid: current.pid))
                }
            }
            if let deadline = killAt, let current = worker, Self.now() >= deadline {
                kill(current.pid, SIGKILL)
                killAt = nil
                log(.killed(pid: current.pid))
            }
            if worker == nil, !stopping, let due = restartAt, Self.now() >= due {
                restartAt = nil
                attempt += 1
                let now = Self.now()
                switch spawn() {
                case .success(let pid):
                    worker = (pid, now)
                    backoff.started(at: now)
                    log(.started(pid: pid, attempt: attempt))
                case .failure(let failure):
                    let delay = backoff.delay(afterDeathAt: now)
                    restartAt = now + delay
                    log(.cannotSpawn(reason: failure.reason, restartIn: delay))
                }
            }
            var timeout = Self.pollInterval
            if worker == nil, let due = restartAt { timeout = min(timeout, max(due - Self.now(), .zero)) }
            if let deadline = killAt { timeout = min(timeout, max(deadline - Self.now(), .zero)) }
            wait(timeout, signals: handlingSignals ? signals : nil)
        }
    }

    /// Sleeps up to `timeout`; with `signals`, wakes early on one of them
    /// and takes SIGTERM and SIGINT as a stop request.
    private func wait(_ timeout: Duration, signals: sigset_t?) {
        let (seconds, attoseconds) = timeout.components
        var interval = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        guard var signals else {
            var short = timespec(tv_sec: 0, tv_nsec: min(interval.tv_sec > 0 ? 20_000_000 : interval.tv_nsec, 20_000_000))
            nanosleep(&short, nil)
            return
        }
        var info = siginfo_t()
        let received = sigtimedwait(&signals, &info, &interval)
        if received == SIGTERM || received == SIGINT { requestStop(signal: received) }
    }

    private struct SpawnFailure: Error {
        let reason: String
    }

    private func spawn() -> Result<Int32, SpawnFailure> {
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        environment[Self.supervisorVariable] = String(getpid())
        for (key, value) in configuration.environment { environment[key] = value }

        let argv = configuration.arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGCHLD, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: Int32 = 0
        let code = posix_spawn(&pid, configuration.executable, nil, &attributes, argv, envp)
        guard code == 0 else {
            return .failure(SpawnFailure(reason: "\(configuration.executable): \(String(cString: strerror(code)))"))
        }
        return .success(pid)
    }

    /// The worker's termination once it has ended, nil while it runs.
    private static func reap(_ pid: Int32) -> Termination? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { return Termination(waitStatus: status) }
        if result < 0 && errno == ECHILD { return .exited(-1) }
        return nil
    }

    private static func now() -> Duration {
        .nanoseconds(Int64(clamping: clinux_monotonic_ns()))
    }
}

/// The worker's side of supervision: asks the kernel to send it SIGTERM when
/// its supervisor dies, so a worker never outlives a killed supervisor.
public enum WorkerGuard {
    /// When started by a supervisor (`NAKANO_SUPERVISOR_PID` set), arranges
    /// for SIGTERM on the supervisor's death; returns false when the
    /// supervisor is already gone (the caller should exit).
    public static func bindToSupervisor(environment: [String: String]) -> Bool {
        guard let text = environment[Supervisor.supervisorVariable], let supervisor = Int32(text) else { return true }
        _ = clinux_set_parent_death_signal(SIGTERM)
        return getppid() == supervisor
    }
}
