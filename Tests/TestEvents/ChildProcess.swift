import Foundation
import Glibc
import Synchronization

/// A program a test runs as a child process: started with `posix_spawn`, its
/// standard output and error read, and its exit waited for, each on a thread
/// of its own, so a test awaits them (`state`, `exitStatus`) without holding
/// a thread of the cooperative pool.
///
/// Not Foundation's `Process`: in a run of the whole test process its
/// launch and exit monitoring once crashed the test process (SIGSEGV), and
/// its `waitUntilExit` blocks the caller. The child starts with an empty
/// signal mask, default signal handlers, `/dev/null` as standard input and
/// no other descriptor of the test process (their sockets and databases).
public final class ChildProcess: Sendable {
    /// What the child has written and whether it has ended.
    public struct State: Sendable {
        /// Standard output so far, in whole lines (a partial last line waits
        /// for its newline or the end of the output).
        public var standardOutput = ""
        /// Standard error so far, in whole lines likewise.
        public var standardError = ""
        /// How many of the two output streams are still open.
        public var openStreams = 2
        /// The exit status, or 128 + the signal that ended it; nil while it runs.
        public var status: Int32?

        /// Ended, and everything it wrote has been read.
        public var isFinished: Bool { status != nil && openStreams == 0 }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let pid: Int32
    public let state = Observed(State())
    private let reaping = Reaping()

    /// Starts `executable` with `arguments` (without the program name) and
    /// `environment`, the test process's own when nil.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        guard let addCloseFrom = Self.addCloseFrom else {
            throw Failure(description: "posix_spawn_file_actions_addclosefrom_np is missing (glibc 2.34 or later)")
        }
        let output = try Self.channel(), errors = try Self.channel()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        _ = addCloseFrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp ?? [] { free(pointer) }
        }
        var pid: Int32 = 0
        let code = envp.map { posix_spawn(&pid, executable, &actions, &attributes, argv, $0) }
            ?? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(output[1])
        close(errors[1])
        guard code == 0 else {
            close(output[0])
            close(errors[0])
            throw Failure(description: "\(executable): \(String(cString: strerror(code)))")
        }
        self.pid = pid
        let (state, reaping, child) = (state, reaping, pid)
        Self.read(output[0], into: state) { $0.standardOutput += $1 }
        Self.read(errors[0], into: state) { $0.standardError += $1 }
        blockingInBackground { reaping.wait(for: child, state: state) }
    }

    /// A test that failed half-way leaves no child behind.
    deinit { signal(SIGKILL) }

    /// Sends `number` to the child unless it has already been reaped.
    public func signal(_ number: Int32) {
        reaping.unlessReaped { _ = kill(pid, number) }
    }

    /// Waits, up to `timeout`, until the child has ended and its output has
    /// been read; returns its status (or 128 + signal).
    public func exitStatus(timeout: Duration = .seconds(60)) async throws -> Int32 {
        let finished = try await state.wait(for: "the exit of process \(pid)", timeout: timeout) { $0.isFinished }
        return finished.status ?? -1
    }

    /// Reads `fd` until end of file, publishing whole lines with `append`.
    private static func read(_ fd: Int32, into state: Observed<State>,
                             _ append: @escaping @Sendable (inout State, String) -> Void) {
        blockingInBackground {
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                pending += chunk[..<n]
                if let end = pending.lastIndex(of: 0x0A) {
                    let text = String(decoding: pending[...end], as: UTF8.self)
                    pending.removeFirst(end + 1)
                    state.update { append(&$0, text) }
                }
            }
            close(fd)
            let rest = String(decoding: pending, as: UTF8.self)
            state.update {
                append(&$0, rest)
                $0.openStreams -= 1
            }
        }
    }

    /// A connected pair for one output stream, close-on-exec from the
    /// start: a socket pair, as `pipe2(O_CLOEXEC)` is a GNU extension the
    /// Glibc module does not import, and a flag set after creation would
    /// race with a spawn on another thread.
    private static func channel() throws -> [Int32] {
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw Failure(description: "socketpair: errno \(errno)")
        }
        return fds
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34), a GNU
    /// extension the Glibc module does not import either.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self) }
}

/// Whether a child has been reaped: once it has, its pid may be reused, so
/// no signal is sent after that.
private final class Reaping: Sendable {
    private let reaped = Mutex(false)

    func unlessReaped(_ act: () -> Void) {
        reaped.withLock { if !$0 { act() } }
    }

    /// Waits for the child's end without reaping it, then reaps it under the
    /// lock, so that a signal never reaches a reused pid.
    func wait(for pid: Int32, state: Observed<ChildProcess.State>) {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        var status: Int32 = 0
        reaped.withLock { done in
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            done = true
        }
        // The wait status: the exit code in bits 8-15, or the signal in bits 0-6.
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        state.update { $0.status = code }
    }
}
