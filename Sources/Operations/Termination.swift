import CLinux
import Glibc

/// How a child process ended, decoded from `waitpid`'s status.
public enum Termination: Sendable, Hashable, CustomStringConvertible {
    /// It called `exit` with this status.
    case exited(Int32)
    /// A signal ended it (`coreDumped` when the kernel wrote a core).
    case signaled(Int32, coreDumped: Bool)

    public init(waitStatus status: Int32) {
        if clinux_signaled(status) != 0 {
            self = .signaled(clinux_term_signal(status), coreDumped: clinux_core_dumped(status) != 0)
        } else {
            self = .exited(clinux_exit_status(status))
        }
    }

    /// Whether it ended on its own with status 0 (a clean stop).
    public var isClean: Bool { self == .exited(0) }

    /// `status 1`, `signal SIGSEGV (core dumped)`.
    public var description: String {
        switch self {
        case .exited(let status): "status \(status)"
        case .signaled(let signal, let core): "signal \(Self.name(ofSignal: signal))" + (core ? " (core dumped)" : "")
        }
    }

    /// `SIGSEGV`, or `signal 42` for one without a usual name.
    public static func name(ofSignal signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGUSR1: "SIGUSR1",
            SIGSEGV: "SIGSEGV", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM",
            SIGCHLD: "SIGCHLD", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ", SIGSYS: "SIGSYS",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}

/// Exit statuses the worker and the supervisor agree on.
public enum WorkerExit {
    /// The worker cannot start and a restart would not help (a bad
    /// configuration, a damaged database): the supervisor stops with the
    /// same status instead of restarting (sysexits.h `EX_CONFIG`; the
    /// systemd unit lists it in `RestartPreventExitStatus`).
    public static let doNotRestart: Int32 = 78
}
