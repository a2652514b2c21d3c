/// One value as SQLite stores it: the five storage classes of
/// <https://sqlite.org/datatype3.html>.
///
/// Arguments are bound as `SQLValue`s and rows are read back as `SQLValue`s;
/// `SQLValueConvertible` converts between them and Swift types.
public enum SQLValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE 754 double. SQLite stores a NaN as `NULL`.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes; an empty array is an empty blob, not `NULL`.
    case blob([UInt8])

    /// The storage class name SQLite's `typeof()` would report, used in error
    /// messages so that they never carry the value itself.
    public var storageClass: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }

    /// Whether this is SQL `NULL`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
