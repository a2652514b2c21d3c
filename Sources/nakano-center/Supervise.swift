import CenterAPI
import Foundation
import Operations

/// `nakano-center serve` (supervised, the default): takes the database's
/// lock, then runs the worker (this same executable with `--no-supervise`)
/// under a `Supervisor`, which restarts it with backoff when it dies by a
/// signal or with a non-zero status, logs each death and restart, and on
/// SIGTERM or SIGINT forwards the signal and stops once the worker has.
/// The worker inherits the lock, so it is held across restarts and no second
/// server can start in between. Exits with the supervisor's status.
enum Supervise {
    static func run(options: Options, databasePath: String) -> Never {
        let lock: DatabaseLock
        do {
            lock = try DatabaseLock.acquire(database: databasePath, inheritable: true)
        } catch {
            fail("\(error)\nOne server per database: stop the other server first, or give this one another --database.")
        }
        // No background thread: the supervisor blocks its signals in this,
        // its only, thread before anything else can take them.
        let log = LogWriter(background: false)
        let arguments = [CommandLine.arguments[0], "serve"] + options.optionArguments.filter { $0 != "--no-supervise" }
            + ["--no-supervise"]
        let supervisor = Supervisor(configuration: .init(
            executable: currentExecutable(),
            arguments: arguments,
            environment: [DatabaseLock.inheritedDescriptorVariable: String(lock.descriptor)])) { event in
            log.line(event.level, event.message, event.fields)
        }
        log.event("supervising", [("pid", String(getpid())), ("database", databasePath)])
        let status = supervisor.run(handlingSignals: true)
        lock.release()
        exit(status)
    }

    /// The path of this executable, so the worker is the same build.
    static func currentExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return CommandLine.arguments[0] }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The build was replaced while running: start the new one at the same path.
        return path.hasSuffix(" (deleted)") ? String(path.dropLast(" (deleted)".count)) : path
    }
}
