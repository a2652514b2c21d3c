import Foundation
import Glibc
import TestEvents

/// The real `nakano-center` executable (the one `swift test` built beside
/// this test bundle) run as a child process, its JSON log lines read as they
/// come, so tests can wait for `listening` or a worker's death.
final class ServeProcess: Sendable {
    /// `nakano-center` beside the test bundle's executable.
    static let executable: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me = String(decoding: buffer[0..<max(count, 0)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (me as NSString).deletingLastPathComponent + "/nakano-center"
    }()

    /// Arguments every test run passes: the repository's Config/ and schedules/.
    static var configArguments: [String] {
        ["--config-dir", TestServer.repository + "/Config", "--schedules-dir", TestServer.repository + "/schedules"]
    }

    let process: Process
    private let stdout = Observed<[String]>([])
    private let stderr = Observed<String>("")
    /// How many of the two output pipes have reached end of file.
    private let pipesDrained = Observed(0)
    /// The exit status (or 128 + signal) once the process has ended.
    private let ended = Observed<Int32?>(nil)

    /// Starts `nakano-center` with `arguments`.
    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        // Only the arguments decide: no NAKANO_* setting of the test run leaks in.
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NAKANO_") }
        // A crash dies at once instead of after the Swift runtime's backtrace
        // of every thread (seconds, in a debug build on a busy machine).
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        self.process = process
        Self.read(out.fileHandleForReading, finished: { [self] in pipesDrained.update { $0 += 1 } }) { [self] text in
            stdout.update { lines in lines += text.split(separator: "\n").map(String.init) }
        }
        Self.read(err.fileHandleForReading, finished: { [self] in pipesDrained.update { $0 += 1 } }) { [self] text in
            stderr.update { $0 += text }
        }
        process.terminationHandler = { [self] process in
            let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
            ended.update { $0 = status }
        }
        try process.run()
    }

    /// Reads `handle` on a thread of its own until end of file; `append`
    /// gets whole lines (a partial last line waits for the rest), then
    /// `finished` is called.
    private static func read(_ handle: FileHandle, finished: @escaping @Sendable () -> Void,
                             _ append: @escaping @Sendable (String) -> Void) {
        Thread {
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending += chunk
                if let end = pending.lastIndex(of: 0x0A) {
                    append(String(decoding: pending[...end], as: UTF8.self))
                    pending = Data(pending[pending.index(after: end)...])
                }
            }
            if !pending.isEmpty { append(String(decoding: pending, as: UTF8.self)) }
            finished()
        }.start()
    }

    /// A test that failed half-way leaves no server behind: the supervisor
    /// is killed, and the kernel stops its worker (parent-death signal).
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: Int32 { process.processIdentifier }

    /// Every JSON line written so far.
    var lines: [[String: String]] { Self.objects(stdout.value) }

    var errorText: String { stderr.value }

    /// The lines whose `msg` is `message`.
    func lines(_ message: String) -> [[String: String]] { lines.filter { $0["msg"] == message } }

    /// The JSON objects among `lines`, their values as text.
    private static func objects(_ lines: [String]) -> [[String: String]] {
        lines.compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object.mapValues { "\($0)" }
        }
    }

    /// Waits (up to `seconds`) until `count` lines with `msg` `message` were
    /// written, or the output ended without them; returns the last.
    @discardableResult
    func waitFor(_ message: String, count: Int = 1, seconds: Double = 60) async throws -> [String: String] {
        let timeout = Duration.milliseconds(Int64(seconds * 1000))
        let (stdout, drained) = (stdout, pipesDrained)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                _ = try? await stdout.wait(for: message, timeout: timeout) { lines in
                    Self.objects(lines).filter { $0["msg"] == message }.count >= count
                }
            }
            group.addTask { _ = try? await drained.wait(for: "the end of the output", timeout: timeout) { $0 == 2 } }
            await group.next()
            group.cancelAll()
        }
        let found = lines(message)
        if found.count >= count { return found[count - 1] }
        throw ProcessFailure("no \(count)× \"\(message)\" line; stdout: \(stdout.value.suffix(20)) stderr: \(errorText)")
    }

    /// The port of the `count`-th `listening` line.
    func port(listening count: Int = 1) async throws -> Int {
        let line = try await waitFor("listening", count: count)
        guard let address = line["address"], let port = address.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw ProcessFailure("no port in \(line)")
        }
        return port
    }

    /// Waits for the process to exit and its output to be read; returns its
    /// status (or 128 + signal).
    func exitStatus(seconds: Double = 30) async throws -> Int32 {
        let timeout = Duration.milliseconds(Int64(seconds * 1000))
        guard let status = try? await ended.wait(for: "the exit", timeout: timeout, until: { $0 != nil }) else {
            throw ProcessFailure("still running after \(seconds) s")
        }
        try await pipesDrained.wait(for: "the end of the output", timeout: timeout) { $0 == 2 }
        return status
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Stops the process (SIGTERM) and waits for it; SIGKILL if it lingers.
    func stop() async {
        guard process.isRunning else { return }
        signal(SIGTERM)
        if (try? await exitStatus(seconds: 20)) == nil { signal(SIGKILL) }
    }

    /// Runs `nakano-center` to completion and returns its status and output.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
        let process = try ServeProcess(arguments)
        let status = try await process.exitStatus(seconds: 120)
        return (status, process.stdout.value.joined(separator: "\n"), process.errorText)
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A fresh data folder under the temporary directory.
struct DataFolder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)").path
    var database: String { path + "/data/center.sqlite" }
    var adminToken: String {
        (try? String(contentsOfFile: path + "/data/admin.token", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// `serve` arguments for this folder on an ephemeral port, with
    /// `synchronous = NORMAL`: these tests are not about durability
    /// (bench/crash.sh is), and fsyncs slow the suites running beside them.
    func serve(_ extra: [String] = []) -> [String] {
        ["serve", "--host", "127.0.0.1", "--port", "0", "--database", database, "--synchronous", "normal"]
            + ServeProcess.configArguments + extra
    }
}
