import CSQLite
import Synchronization

/// A failure that says the database file itself is damaged or unreadable
/// (SQLite's `SQLITE_CORRUPT`, `SQLITE_NOTADB` or `SQLITE_IOERR`), as opposed
/// to a statement being refused. Once one is seen the store stays faulted
/// until the process restarts: a damaged page does not heal, and an I/O
/// error means the disk under the file is not to be trusted.
public struct StoreFault: Sendable, Hashable {
    /// SQLite's extended result code (for example 11, `SQLITE_CORRUPT`).
    public let resultCode: Int32
    /// SQLite's message (for example "database disk image is malformed").
    public let message: String
    /// The statement that met it (never its bound values).
    public let sql: String?

    /// Whether a SQLite result code is one of those that mean a damaged or
    /// unreadable file.
    public static func isFault(resultCode: Int32) -> Bool {
        switch resultCode & 0xFF {
        case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_IOERR: true
        default: false
        }
    }
}

/// Records the first `StoreFault` any connection of a pool meets, so that a
/// health check can say the database is damaged even when the failing query
/// was someone else's.
final class StoreFaultRecorder: Sendable {
    private let first = Mutex<StoreFault?>(nil)

    var fault: StoreFault? { first.withLock { $0 } }

    func record(_ error: StoreError) {
        guard StoreFault.isFault(resultCode: error.resultCode) else { return }
        let fault = StoreFault(resultCode: error.resultCode, message: error.message, sql: error.sql)
        first.withLock { if $0 == nil { $0 = fault } }
    }
}
