import Testing
@testable import Store

/// Every `SQLValueConvertible` type written and read back through SQLite.
@Suite struct SQLValueConvertibleTests {
    /// Binds `value` into an untyped column and reads it back as `T`.
    private func roundTrip<T: SQLValueConvertible & Sendable>(_ value: T) async throws -> T {
        try await withPool(migrations: [Migration(version: 1, name: "values", sql: "CREATE TABLE vals (v)")]) { pool in
            let id = try await pool.write { database in
                try database.run("INSERT INTO vals (v) VALUES (?)", [value.sqlValue])
                return database.lastInsertRowID
            }
            return try await pool.read { database in
                try database.queryOne("SELECT v FROM vals WHERE rowid = ?", [.integer(id)])!.get("v")
            }
        }
    }

    @Test func int64ExtremesRoundTrip() async throws {
        #expect(try await roundTrip(Int64.max) == Int64.max)
        #expect(try await roundTrip(Int64.min) == Int64.min)
    }

    @Test func intRoundTrips() async throws {
        #expect(try await roundTrip(-42) == -42)
    }

    @Test func int32ExtremesRoundTrip() async throws {
        #expect(try await roundTrip(Int32.max) == Int32.max)
        #expect(try await roundTrip(Int32.min) == Int32.min)
    }

    @Test func int32RefusesAnIntegerOutOfItsRange() {
        #expect(Int32(sqlValue: .integer(Int64(Int32.max) + 1)) == nil)
    }

    @Test func doubleRoundTripsExactly() async throws {
        #expect(try await roundTrip(0.1) == 0.1)
        #expect(try await roundTrip(-1e308) == -1e308)
    }

    @Test func boolIsStoredAsZeroOrOne() async throws {
        #expect(true.sqlValue == .integer(1))
        #expect(false.sqlValue == .integer(0))
        #expect(try await roundTrip(true) == true)
        #expect(try await roundTrip(false) == false)
    }

    @Test func boolRefusesIntegersOtherThanZeroAndOne() {
        #expect(Bool(sqlValue: .integer(2)) == nil)
    }

    @Test func unicodeTextRoundTrips() async throws {
        let text = "中野区産業振興センター 🏢 café\u{301}"
        #expect(try await roundTrip(text) == text)
    }

    @Test func emptyTextIsNotNull() async throws {
        #expect(try await roundTrip("") == "")
    }

    @Test func textWithEmbeddedNulRoundTrips() async throws {
        #expect(try await roundTrip("a\u{0}b") == "a\u{0}b")
    }

    @Test func blobRoundTrips() async throws {
        let bytes: [UInt8] = [0, 1, 2, 0xFE, 0xFF]
        #expect(try await roundTrip(bytes) == bytes)
    }

    @Test func emptyBlobIsNotNull() async throws {
        #expect(try await roundTrip([UInt8]()) == [])
    }

    @Test func nilOptionalIsStoredAsNull() async throws {
        let none: String? = nil
        #expect(none.sqlValue == .null)
        #expect(try await roundTrip(none) == nil)
    }

    @Test func presentOptionalRoundTrips() async throws {
        let some: Int64? = 7
        #expect(try await roundTrip(some) == 7)
    }

    @Test func nullDoesNotFitANonOptionalType() {
        #expect(String(sqlValue: .null) == nil)
        #expect(Int(sqlValue: .null) == nil)
    }

    @Test func optionalRefusesAValueOfTheWrongType() {
        #expect(Int?(sqlValue: .text("7")) == nil)
    }
}
