/// A failure of the SQLite store: the SQLite result code, the SQL that failed
/// (never the bound values), and SQLite's message.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let resultCode: Int32
    public let message: String
    public let sql: String?

    public init(resultCode: Int32, message: String, sql: String? = nil) {
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
    }

    public var description: String {
        "SQLite error \(resultCode): \(message)" + (sql.map { " in \"\($0)\"" } ?? "")
    }
}
