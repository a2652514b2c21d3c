import CenterAPI
import CenterService
import Foundation
import JSON
import Synchronization

/// Buffers log lines and writes them to standard output from a background
/// thread, so a request never waits on a terminal or a pipe. Without the
/// thread (`background: false`, the supervisor's, which must start no thread
/// before it blocks its signals) every line is written at once.
final class LogWriter: Sendable {
    private let buffer = Mutex<[UInt8]>([])
    private let stopped = Atomic<Bool>(false)
    private let buffered: Bool

    init(background: Bool = true) {
        buffered = background
        guard background else { return }
        let thread = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 0.2)
                flush()
            }
        }
        thread.name = "log-writer"
        thread.start()
    }

    func write(_ line: [UInt8]) {
        let full = buffer.withLock { b -> Bool in
            b += line
            return b.count > 256 * 1024
        }
        if full || !buffered { flush() }
    }

    /// Appends a line written by `line` straight into the buffer.
    func write(_ line: (inout [UInt8]) -> Void) {
        let full = buffer.withLock { b -> Bool in
            line(&b)
            return b.count > 256 * 1024
        }
        if full || !buffered { flush() }
    }

    func flush() {
        let bytes = buffer.withLock { b -> [UInt8] in
            defer { b.removeAll(keepingCapacity: true) }
            return b
        }
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var offset = 0
            while offset < p.count {
                let n = Glibc.write(1, base + offset, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        flush()
    }

    /// A one-off `info` line (startup, shutdown), written at once.
    func event(_ message: String, _ fields: [(String, String)] = []) {
        line("info", message, fields)
        flush()
    }

    /// One JSON line: time, level, message, then the fields. An `error`
    /// line is written at once.
    func line(_ level: String, _ message: String, _ fields: [(String, String)]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let ts = ((Double(now.tv_sec) + Double(now.tv_nsec) / 1e9) * 1000).rounded() / 1000
        let line = JSONValue.object([("ts", .double(ts)), ("level", .string(level)), ("msg", .string(message))]
                                    + fields.map { ($0.0, .string($0.1)) })
        write(line.serialized() + [0x0A])
        if level == "error" { flush() }
    }

    /// The service's log, written through this writer.
    var serviceLog: ServiceLog {
        ServiceLog { [self] level, message, fields in line(level.rawValue, message, fields) }
    }
}
