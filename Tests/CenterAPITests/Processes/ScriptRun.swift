import Foundation
import Glibc

/// A program run to completion with posix_spawnp (found on PATH), its
/// standard output and error written to files and read back: the test's
/// way to run a script of the repository (`bench/replay-lottery.py`).
/// Foundation's Process is not used: once, in a run of the whole suite, its
/// launch crashed the test process.
struct ScriptRun {
    let status: Int32
    let output: String
    let errors: String

    static func run(_ program: String, _ arguments: [String]) throws -> ScriptRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("script-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/out", errPath = directory + "/err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: Int32 = 0
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ScriptFailure("\(program) could not be started: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ScriptRun(status: exited, output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                         errors: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

struct ScriptFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
