import CenterAPI
import CenterService
import Dispatch
import Foundation
import HTTPServer
import Operations

/// `nakano-center serve --no-supervise`, also what the supervisor runs: take
/// the database's lock (or adopt the supervisor's), check the database's
/// integrity, open it, make sure an admin token exists, serve HTTP until
/// SIGTERM or SIGINT, then shut down gracefully (stop accepting, finish
/// in-flight requests, stop timers, close the database).
enum Serve {
    static func worker(options: Options, settings: CenterSettings, databasePath: String,
                       open: (CenterSettings, ServiceLog) async -> CenterService) async {
        let environment = ProcessInfo.processInfo.environment
        guard WorkerGuard.bindToSupervisor(environment: environment) else { exit(0) }
        let lock = holdLock(databasePath: databasePath, environment: environment)
        let log = LogWriter()
        DatabaseStartCheck.verify(databasePath: databasePath, settings: settings, log: log)
        let service = await open(settings, log.serviceLog)
        await writeAdminTokenIfNeeded(service: service, databasePath: databasePath, log: log)

        var configuration = HTTPServer.Configuration()
        configuration.host = options.value("host", default: "127.0.0.1")!
        guard let port = Int(options.value("port", default: "8080")!), (0...65535).contains(port) else {
            fail("--port must be 0...65535", code: 2)
        }
        configuration.port = port
        let metrics = APIMetrics()
        let server = HTTPServer(configuration: configuration, responder: CenterAPI.router(service: service, metrics: metrics)) { entry in
            metrics.recordResponse(entry)
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            log.write(AccessLogLine.format(entry, at: Double(now.tv_sec) + Double(now.tv_nsec) / 1e9))
        }
        do {
            try server.start()
        } catch {
            fail("cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        metrics.observeConnections { [server] in server.openConnections }
        let timers = service.startTimers()
        log.event("listening", [("address", "http://\(configuration.host):\(server.port)"), ("database", databasePath),
                                ("pid", String(getpid()))])

        let signal = await waitForTerminationSignal()
        log.event("shutting down", [("signal", signal)])
        await server.shutdown()
        timers.cancel()
        service.pool.close()
        lock.release()
        log.event("stopped")
        log.stop()
    }

    /// The lock of the database: the supervisor's, inherited, or taken now.
    /// Another server holding it stops this one at once.
    static func holdLock(databasePath: String, environment: [String: String]) -> DatabaseLock {
        if let text = environment[DatabaseLock.inheritedDescriptorVariable], let descriptor = Int32(text),
           let inherited = DatabaseLock.adopt(descriptor: descriptor, database: databasePath) {
            return inherited
        }
        do {
            return try DatabaseLock.acquire(database: databasePath)
        } catch {
            fail("\(error)\nOne server per database: stop the other server first, or give this one another --database.")
        }
    }

    /// On first start, mints an admin token and writes it to `admin.token`
    /// beside the database with mode 0600; only the file's path is printed.
    static func writeAdminTokenIfNeeded(service: CenterService, databasePath: String, log: LogWriter) async {
        do {
            guard let token = try await service.bootstrapAdminToken() else { return }
            let directory = (databasePath as NSString).deletingLastPathComponent
            let path = (directory.isEmpty ? "." : directory) + "/admin.token"
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard fd >= 0 else { fail("cannot write \(path)") }
            fchmod(fd, 0o600)
            let bytes = Array((token.secret + "\n").utf8)
            _ = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            log.event("created the first admin token", [("file", path)])
        } catch {
            fail("cannot create the first admin token: \(error)")
        }
    }

    /// Suspends until SIGTERM or SIGINT arrives; returns its name.
    static func waitForTerminationSignal() async -> String {
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let queue = DispatchQueue(label: "signals")
        return await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let once = OnceFlag()
            var sources: [any DispatchSourceSignal] = []
            for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    if once.claim() { continuation.resume(returning: name) }
                }
                source.resume()
                sources.append(source)
            }
            SignalSources.keep(sources)
        }
    }
}

/// True exactly once.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}

/// Keeps signal sources alive for the life of the process.
enum SignalSources {
    nonisolated(unsafe) static var retained: [any DispatchSourceSignal] = []
    static func keep(_ sources: [any DispatchSourceSignal]) { retained += sources }
}
