import CalendarValues
import CenterDomain
internal import Store

/// A value of the center kept in one SQLite column: a date as `YYYY-MM-DD`
/// text (so it sorts and compares as a date in SQL), an instant as Unix
/// seconds, and every closed set (a state, a category) and id as its raw
/// text. Reading back a value that is none of these fails as a type
/// mismatch naming the column, never as a guess.
///
/// Store's own `SQLValueConvertible`, for the domain's types: those are
/// public, and a public type's conformance to a protocol of an internally
/// imported module is refused by the compiler (a conformance is always
/// public, and would make Store part of this module's interface). Declaring
/// the conformance is all a closed set needs.
protocol ColumnValue {
    var sqlValue: SQLValue { get }
    init?(sqlValue: SQLValue)
}

extension ColumnValue where Self: RawRepresentable, RawValue == String {
    var sqlValue: SQLValue { .text(rawValue) }

    init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue else { return nil }
        self.init(rawValue: text)
    }
}

extension Optional: ColumnValue where Wrapped: ColumnValue {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }

    init?(sqlValue: SQLValue) {
        if sqlValue.isNull {
            self = .none
            return
        }
        guard let wrapped = Wrapped(sqlValue: sqlValue) else { return nil }
        self = .some(wrapped)
    }
}

extension LocalDate: ColumnValue {
    var sqlValue: SQLValue { .text(description) }

    init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue, let date = LocalDate(text) else { return nil }
        self = date
    }
}

extension Instant: ColumnValue {
    var sqlValue: SQLValue { .integer(secondsSinceEpoch) }

    init?(sqlValue: SQLValue) {
        guard case .integer(let seconds) = sqlValue else { return nil }
        self.init(secondsSinceEpoch: seconds)
    }
}

extension YearMonth: ColumnValue {
    var sqlValue: SQLValue { .text(description) }

    init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue, let month = YearMonth(text) else { return nil }
        self = month
    }
}

extension FacilityID: ColumnValue {}
extension DivisionID: ColumnValue {}
extension UserCategory: ColumnValue {}
extension BookingState: ColumnValue {}
extension PenaltyEvent: ColumnValue {}
extension Role: ColumnValue {}
extension RegistrationStatus: ColumnValue {}
extension DeskPassState: ColumnValue {}
extension LockerLeaseState: ColumnValue {}
extension LeaseEndReason: ColumnValue {}
extension LockerOfferState: ColumnValue {}
extension WaitlistState: ColumnValue {}
extension StorageMovement.Kind: ColumnValue {}
extension PaymentMethod: ColumnValue {}
extension RefundReason: ColumnValue {}

extension Row {
    /// The value of the column named `column` as the center keeps it.
    func get<T: ColumnValue>(_ column: String) throws -> T {
        guard let value = self[column] else {
            throw StoreError(code: .columnNotFound, resultCode: 25,
                             message: "no column named '\(column)' (columns: \(columns.joined(separator: ", ")))")
        }
        return try Self.convert(value, column: column)
    }

    /// The value at `index` as the center keeps it.
    func get<T: ColumnValue>(_ index: Int) throws -> T {
        guard columns.indices.contains(index) else {
            throw StoreError(code: .columnNotFound, resultCode: 25, message: "no column at index \(index) (row has \(columns.count))")
        }
        return try Self.convert(self[index], column: columns[index])
    }

    private static func convert<T: ColumnValue>(_ value: SQLValue, column: String) throws -> T {
        guard let converted = T(sqlValue: value) else {
            throw StoreError(code: .typeMismatch, resultCode: 20,
                             message: "column '\(column)' holds \(value.storageClass), which does not fit \(T.self)")
        }
        return converted
    }
}
