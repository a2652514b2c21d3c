import Foundation
import Glibc
import TestEvents

/// The real `nakano-center` executable (the one `swift test` built beside
/// this test bundle) run as a child process (TestEvents' `ChildProcess`), its
/// JSON log lines read as they come, so tests can wait for `listening` or a
/// worker's death.
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

    /// The running program; a test that failed half-way leaves no server
    /// behind: the supervisor is killed when this goes, and the kernel stops
    /// its worker (parent-death signal).
    let process: ChildProcess

    /// Starts `nakano-center` with `arguments`.
    init(_ arguments: [String]) throws {
        // Only the arguments decide: no NAKANO_* setting of the test run leaks in.
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NAKANO_") }
        // A crash dies at once instead of after the Swift runtime's backtrace
        // of every thread (seconds, in a debug build on a busy machine).
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process = try ChildProcess(Self.executable, arguments, environment: environment)
    }

    /// True until the process has exited.
    var isRunning: Bool { process.state.value.status == nil }

    var pid: Int32 { process.pid }

    /// Every JSON line written so far.
    var lines: [[String: String]] { Self.objects(process.state.value.standardOutput) }

    var errorText: String { process.state.value.standardError }

    /// The lines whose `msg` is `message`.
    func lines(_ message: String) -> [[String: String]] { lines.filter { $0["msg"] == message } }

    /// The JSON objects among the lines of `output`, their values as text.
    private static func objects(_ output: String) -> [[String: String]] {
        output.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object.mapValues { "\($0)" }
        }
    }

    /// Waits (up to `seconds`) until `count` lines with `msg` `message` were
    /// written, or the output ended without them; returns the last.
    @discardableResult
    func waitFor(_ message: String, count: Int = 1, seconds: Double = 60) async throws -> [String: String] {
        let timeout = Duration.milliseconds(Int64(seconds * 1000))
        _ = try? await process.state.wait(for: message, timeout: timeout) { state in
            state.openStreams == 0 || Self.objects(state.standardOutput).filter { $0["msg"] == message }.count >= count
        }
        let found = lines(message)
        if found.count >= count { return found[count - 1] }
        let output = process.state.value.standardOutput.split(separator: "\n").suffix(20)
        throw ProcessFailure("no \(count)× \"\(message)\" line; stdout: \(output) stderr: \(errorText)")
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
        do {
            return try await process.exitStatus(timeout: .milliseconds(Int64(seconds * 1000)))
        } catch {
            throw ProcessFailure("still running after \(seconds) s")
        }
    }

    func signal(_ number: Int32) { process.signal(number) }

    /// Stops the process (SIGTERM) and waits for it; SIGKILL if it lingers.
    func stop() async {
        guard isRunning else { return }
        signal(SIGTERM)
        if (try? await exitStatus(seconds: 20)) == nil { signal(SIGKILL) }
    }

    /// Runs `nakano-center` to completion and returns its status and output.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
        let process = try ServeProcess(arguments)
        let status = try await process.exitStatus(seconds: 120)
        return (status, process.process.state.value.standardOutput, process.errorText)
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
