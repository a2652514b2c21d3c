import CenterAPI
import CenterService
import CenterWeb
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
    /// The listening address from `--host` and `--port` (or their
    /// environment variables); a bad value stops the command at once with
    /// one line, before any supervising, so it is never restarted.
    static func listenConfiguration(_ options: Options) -> HTTPServer.Configuration {
        var configuration = HTTPServer.Configuration()
        configuration.host = options.value("host", default: "127.0.0.1")
        let portText = options.value("port", default: "8080")
        guard let port = Int(portText), (0...65535).contains(port) else {
            fail("--port must be 0...65535, got \"\(portText.prefix(100))\"", code: WorkerExit.doNotRestart)
        }
        configuration.port = port
        return configuration
    }

    static func worker(configuration: HTTPServer.Configuration, settings: CenterSettings, databasePath: String,
                       open: (CenterSettings, ServiceLog) async -> CenterService) async {
        let environment = ProcessInfo.processInfo.environment
        guard WorkerGuard.bindToSupervisor(environment: environment) else { exit(0) }
        let lock = holdLock(databasePath: databasePath, environment: environment)
        // Before anything slow: a SIGTERM during the start is kept, not lost,
        // and answered as soon as the server is up.
        let termination = TerminationSignal.install()
        let log = LogWriter()
        DatabaseStartCheck.verify(databasePath: databasePath, settings: settings, log: log)
        let service = await open(settings, log.serviceLog)
        await writeAdminTokenIfNeeded(service: service, databasePath: databasePath, log: log)
        let metrics = APIMetrics()
        var router: Router
        do {
            router = try CenterAPI.router(service: service, metrics: metrics)
            try CenterWeb.mount(on: &router, service: service)
        } catch {
            fail("the API's route table is invalid: \(error)", code: WorkerExit.doNotRestart)
        }
        let server = HTTPServer(configuration: configuration, responder: router) { entry in
            metrics.recordResponse(entry)
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            log.write { AccessLogLine.append(entry, at: Double(now.tv_sec) + Double(now.tv_nsec) / 1e9, to: &$0) }
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

        let signal = await termination.wait()
        log.event("shutting down", [("signal", signal)])
        await server.shutdown()
        timers.cancel()
        service.close()
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
            guard let token = try await service.accounts.bootstrapAdminToken() else { return }
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
}

/// SIGTERM and SIGINT, taken through Dispatch signal sources installed once
/// at start: the first one is kept until `wait()` asks for it, so a signal
/// that comes while the server is still starting is not lost.
final class TerminationSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var received: String?
    private var waiter: CheckedContinuation<String, Never>?
    private var sources: [any DispatchSourceSignal] = []

    static func install() -> TerminationSignal {
        let termination = TerminationSignal()
        let queue = DispatchQueue(label: "signals")
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { termination.deliver(name) }
            source.resume()
            termination.sources.append(source)
        }
        return termination
    }

    /// The first signal's name, at once if it has already come.
    func wait() async -> String {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let received {
                lock.unlock()
                continuation.resume(returning: received)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }

    private func deliver(_ name: String) {
        lock.lock()
        guard received == nil else {
            lock.unlock()
            return
        }
        received = name
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume(returning: name)
    }
}
