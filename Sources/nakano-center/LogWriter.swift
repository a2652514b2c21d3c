import CenterAPI
import Foundation
import JSON
import Synchronization

/// Buffers log lines and writes them to standard output from a background
/// thread, so a request never waits on a terminal or a pipe.
final class LogWriter: Sendable {
    private let buffer = Mutex<[UInt8]>([])
    private let stopped = Atomic<Bool>(false)

    init() {
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
        if full { flush() }
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

    /// A one-off line (startup, shutdown), written at once.
    func event(_ message: String, _ fields: [(String, String)] = []) {
        let line = JSONValue.object([("level", "info"), ("msg", .string(message))] + fields.map { ($0.0, .string($0.1)) })
        write(line.serialized() + [0x0A])
        flush()
    }
}
