import Foundation

/// The constraint a statement violated, named as the schema names it, so a
/// caller can tell which rule of the schema refused the change without
/// reading SQLite's message: the UNIQUE index, the CHECK, the trigger.
public struct ConstraintViolation: Sendable, Hashable {
    /// Which sort of constraint (from SQLite's extended result code).
    public enum Kind: String, Sendable, Hashable {
        case unique, primaryKey = "primary_key", check, notNull = "not_null", foreignKey = "foreign_key", trigger, other
    }

    public let kind: Kind
    /// The constraint's name: the UNIQUE index (`booking_units_one_live`;
    /// `sqlite_autoindex_<table>_<n>` for an inline `UNIQUE (…)`,
    /// `<table>.primary_key` for a rowid key); a CHECK's name, or its
    /// expression when it has none; a trigger's `RAISE` message; the column
    /// of a NOT NULL; empty for a foreign key (SQLite names none).
    public let name: String
    /// The table, when SQLite's message names it.
    public let table: String?
    /// The columns, when SQLite's message names them (UNIQUE, NOT NULL).
    public let columns: [String]

    public init(kind: Kind, name: String, table: String? = nil, columns: [String] = []) {
        self.kind = kind
        self.name = name
        self.table = table
        self.columns = columns
    }

    /// The kind of SQLite's extended constraint code: `SQLITE_CONSTRAINT`
    /// with the kind in the second byte (<https://sqlite.org/rescode.html>;
    /// the C macros are not imported into Swift).
    static func kind(ofExtendedCode code: Int32) -> Kind {
        switch code >> 8 {
        case 8: .unique
        case 6, 10: .primaryKey
        case 1: .check
        case 5: .notNull
        case 3: .foreignKey
        case 7: .trigger
        default: .other
        }
    }
}

extension Database {
    /// The constraint SQLite's `message` (for extended code `code`) reports,
    /// with a UNIQUE violation's columns resolved to the index they belong to.
    func constraintViolation(code: Int32, message: String) -> ConstraintViolation {
        let kind = ConstraintViolation.kind(ofExtendedCode: code)
        let detail = message.split(separator: ":", maxSplits: 1).dropFirst().first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        switch kind {
        case .unique, .primaryKey:
            if detail.hasPrefix("index '"), detail.hasSuffix("'") {
                return ConstraintViolation(kind: kind, name: String(detail.dropFirst(7).dropLast()))
            }
            let qualified = detail.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let table = qualified.first?.split(separator: ".").first.map(String.init)
            let columns = qualified.compactMap { $0.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) }
            guard let table else { return ConstraintViolation(kind: kind, name: detail) }
            let name = uniqueIndex(on: table, columns: columns) ?? "\(table).primary_key"
            return ConstraintViolation(kind: kind, name: name, table: table, columns: columns)
        case .notNull:
            let parts = detail.split(separator: ".", maxSplits: 1).map(String.init)
            return ConstraintViolation(kind: kind, name: detail, table: parts.count == 2 ? parts[0] : nil,
                                       columns: parts.count == 2 ? [parts[1]] : [])
        case .check, .other:
            return ConstraintViolation(kind: kind, name: detail)
        case .trigger:
            return ConstraintViolation(kind: kind, name: message)
        case .foreignKey:
            return ConstraintViolation(kind: kind, name: "")
        }
    }

    /// The UNIQUE index of `table` on exactly `columns`, in order.
    private func uniqueIndex(on table: String, columns: [String]) -> String? {
        guard let indexes = try? query("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1", [.text(table)]) else {
            return nil
        }
        for row in indexes {
            guard let name: String = try? row.get(0),
                  let indexed = try? query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(name)]) else { continue }
            if indexed.compactMap({ try? $0.get(0) as String }) == columns { return name }
        }
        return nil
    }
}
