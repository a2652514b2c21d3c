import CLinux
import Foundation

/// One server per database: an exclusive `flock` on `<database>.lock`,
/// beside the database, taken before the database is opened and held for the
/// life of the process. The file holds the holder's process id, so a second
/// server can say who has it. The kernel drops the lock when the holder's
/// last descriptor closes, however the process ends: a crash never leaves a
/// stale lock behind.
///
/// The supervisor takes the lock and its worker inherits the descriptor
/// (`adopt`), so the lock is held across the worker's restarts.
public final class DatabaseLock: Sendable {
    /// Why the lock was not taken.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Another process holds it; `pid` from the lock file, nil if unreadable.
        case held(database: String, pid: Int32?)
        /// The lock file cannot be created or opened.
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case .held(let database, let pid?): "\(database) is in use by process \(pid)"
            case .held(let database, nil): "\(database) is in use by another process"
            case .cannotOpen(let path, let reason): "cannot open the lock file \(path): \(reason)"
            }
        }
    }

    /// The environment variable through which a worker learns the
    /// descriptor of the lock its supervisor holds.
    public static let inheritedDescriptorVariable = "NAKANO_LOCK_FD"

    public let path: String
    public let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// `<database>.lock`.
    public static func path(forDatabase database: String) -> String { database + ".lock" }

    /// Takes the lock of `database` without waiting, creating its directory
    /// and the lock file when missing, and writes `pid` into it.
    /// `inheritable` leaves the descriptor open across `exec`, for a
    /// supervisor whose worker adopts it.
    public static func acquire(database: String, pid: Int32 = getpid(), inheritable: Bool = false) throws(Failure) -> DatabaseLock {
        let path = path(forDatabase: database)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let fd = open(path, O_RDWR | O_CREAT | (inheritable ? 0 : O_CLOEXEC), 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = readPID(fd)
            close(fd)
            throw .held(database: database, pid: holder)
        }
        let text = Array("\(pid)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return DatabaseLock(path: path, descriptor: fd)
    }

    /// The lock a supervisor passed down as descriptor `descriptor`, when it
    /// really is the lock file of `database` and this process holds its lock
    /// through it; nil otherwise.
    public static func adopt(descriptor: Int32, database: String) -> DatabaseLock? {
        let path = path(forDatabase: database)
        var inherited = stat()
        var named = stat()
        guard fstat(descriptor, &inherited) == 0, stat(path, &named) == 0,
              inherited.st_dev == named.st_dev, inherited.st_ino == named.st_ino,
              // The same open file description: flock succeeds on a lock it already holds.
              flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return nil }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return DatabaseLock(path: path, descriptor: descriptor)
    }

    /// The process id written in `database`'s lock file, nil when none can be read.
    public static func holder(ofDatabase database: String) -> Int32? {
        let fd = open(path(forDatabase: database), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return readPID(fd)
    }

    /// Releases the lock (closing the descriptor). The lock file stays.
    public func release() {
        close(descriptor)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBufferPointer { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
