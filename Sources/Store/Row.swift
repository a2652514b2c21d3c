/// One result row: its values by column index and by column name.
///
/// Rows are plain values copied out of SQLite, so they can leave the database
/// closure and cross concurrency domains.
public struct Row: Sendable {
    /// The column names of the result, in order.
    public let columns: [String]
    @usableFromInline let values: [SQLValue]
    @usableFromInline let lookup: ColumnLookup

    init(columns: [String], values: [SQLValue], lookup: ColumnLookup) {
        self.columns = columns
        self.values = values
        self.lookup = lookup
    }

    /// The value at `index`; the index must be below `columns.count`.
    public subscript(_ index: Int) -> SQLValue {
        values[index]
    }

    /// The value of the column named `column`, or `nil` when there is none.
    /// Names match exactly first, then ASCII case-insensitively as in SQL.
    public subscript(_ column: String) -> SQLValue? {
        lookup.index(of: column).map { values[$0] }
    }

    /// The value of the column named `column`, converted to `T`.
    /// - Throws: `StoreError` with code `.columnNotFound` or `.typeMismatch`,
    ///   naming the column and the stored type (never the value).
    ///
    /// Inlinable, so that the caller's module specializes it for `T`: rows
    /// are decoded by the hundred on the booking and availability paths,
    /// and the generic call was a visible share of them. Failures take the
    /// out-of-line path below.
    @inlinable
    public func get<T: SQLValueConvertible>(_ column: String) throws -> T {
        if let index = lookup.index(of: column), let converted = T(sqlValue: values[index]) { return converted }
        return try slowGet(column)
    }

    @usableFromInline
    func slowGet<T: SQLValueConvertible>(_ column: String) throws -> T {
        guard let index = lookup.index(of: column) else {
            throw StoreError(code: .columnNotFound, resultCode: 25,
                             message: "no column named '\(column)' (columns: \(columns.joined(separator: ", ")))")
        }
        return try convert(values[index], column: column)
    }

    /// The value at `index`, converted to `T`.
    /// - Throws: `StoreError` with code `.columnNotFound` or `.typeMismatch`.
    @inlinable
    public func get<T: SQLValueConvertible>(_ index: Int) throws -> T {
        if values.indices.contains(index), let converted = T(sqlValue: values[index]) { return converted }
        return try slowGet(index)
    }

    @usableFromInline
    func slowGet<T: SQLValueConvertible>(_ index: Int) throws -> T {
        guard values.indices.contains(index) else {
            throw StoreError(code: .columnNotFound, resultCode: 25,
                             message: "no column at index \(index) (row has \(values.count))")
        }
        return try convert(values[index], column: columns[index])
    }

    private func convert<T: SQLValueConvertible>(_ value: SQLValue, column: String) throws -> T {
        guard let converted = T(sqlValue: value) else {
            throw StoreError(code: .typeMismatch, resultCode: 20,
                             message: "column '\(column)' holds \(value.storageClass), which does not fit \(T.self)")
        }
        return converted
    }
}

/// Column name to index, built once per statement execution and shared by
/// all the rows it returns.
@usableFromInline
final class ColumnLookup: Sendable {
    private let exact: [String: Int]
    private let folded: [String: Int]

    init(columns: [String]) {
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        for (index, name) in columns.enumerated() {
            if exact[name] == nil { exact[name] = index }
            let key = Self.fold(name)
            if folded[key] == nil { folded[key] = index }
        }
        self.exact = exact
        self.folded = folded
    }

    @usableFromInline
    func index(of column: String) -> Int? {
        exact[column] ?? folded[Self.fold(column)]
    }

    /// ASCII lowercasing, the case folding SQLite applies to identifiers.
    private static func fold(_ name: String) -> String {
        String(decoding: name.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
