/// A WHERE clause built from optional filters: each condition is added only
/// when its value is present, and its argument follows in order.
public struct SQLConditions {
    private var conditions: [String] = []
    public private(set) var arguments: [SQLValue] = []

    public init() {}

    /// Adds `condition` (one `?`) with `value`, or nothing when `value` is nil.
    public mutating func add(_ condition: String, _ value: SQLValue?) {
        guard let value else { return }
        conditions.append(condition)
        arguments.append(value)
    }

    /// Adds `condition` with one `?` per value of `values`, or nothing when
    /// `values` is nil (a cursor's keys: `(a > ? OR (a = ? AND id > ?))`).
    public mutating func add(_ condition: String, values: [SQLValue]?) {
        guard let values else { return }
        conditions.append(condition)
        arguments += values
    }

    /// ` WHERE a AND b`, or empty when no condition was added.
    public var clause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }
}
