import Testing
@testable import Store

/// A constraint violation names the constraint as the schema names it, so a
/// caller recognises the rule without reading SQLite's message.
struct ConstraintViolationTests {
    static let schema = [Migration(version: 1, name: "constraints", sql: """
        CREATE TABLE slots (
            id       INTEGER PRIMARY KEY,
            room     TEXT NOT NULL,
            day      TEXT NOT NULL,
            person   INTEGER NOT NULL,
            live     INTEGER NOT NULL CHECK (live IN (0, 1)),
            seats    INTEGER NOT NULL CONSTRAINT seats_positive CHECK (seats > 0),
            UNIQUE (person, day, room)
        ) STRICT;
        CREATE UNIQUE INDEX slots_one_live_room ON slots (room, day) WHERE live = 1;
        CREATE TRIGGER slots_never_on_sunday BEFORE INSERT ON slots WHEN NEW.day = 'sunday'
            BEGIN SELECT RAISE(ABORT, 'no slot on a sunday'); END;
        """)]

    func violation(_ sql: String, after setup: [String] = []) async throws -> ConstraintViolation? {
        try await withPool(migrations: Self.schema) { pool in
            try await pool.write { db in
                for statement in setup { try db.execute(statement) }
                do {
                    try db.execute(sql)
                    return nil
                } catch let error as StoreError {
                    return error.constraint
                }
            }
        }
    }

    @Test func aPartialUniqueIndexIsNamed() async throws {
        let found = try await violation("INSERT INTO slots (room, day, person, live, seats) VALUES ('a', 'monday', 2, 1, 1)",
                                        after: ["INSERT INTO slots (room, day, person, live, seats) VALUES ('a', 'monday', 1, 1, 1)"])
        #expect(found == ConstraintViolation(kind: .unique, name: "slots_one_live_room", table: "slots", columns: ["room", "day"]))
    }

    @Test func anInlineUniqueIsNamedByItsAutomaticIndex() async throws {
        let found = try await violation("INSERT INTO slots (room, day, person, live, seats) VALUES ('a', 'monday', 1, 0, 1)",
                                        after: ["INSERT INTO slots (room, day, person, live, seats) VALUES ('a', 'monday', 1, 1, 1)"])
        #expect(found?.kind == .unique)
        #expect(found?.name == "sqlite_autoindex_slots_1")
    }

    @Test func aRowidKeyIsNamedForItsTable() async throws {
        let found = try await violation("INSERT INTO slots (id, room, day, person, live, seats) VALUES (1, 'b', 'friday', 3, 0, 1)",
                                        after: ["INSERT INTO slots (id, room, day, person, live, seats) VALUES (1, 'a', 'monday', 1, 1, 1)"])
        #expect(found?.kind == .primaryKey)
        #expect(found?.name == "slots.primary_key")
    }

    @Test func aNamedCheckIsNamedAndAnUnnamedOneByItsExpression() async throws {
        let named = try await violation("INSERT INTO slots (room, day, person, live, seats) VALUES ('a', 'monday', 1, 1, 0)")
        #expect(named == ConstraintViolation(kind: .check, name: "seats_positive"))
        let unnamed = try await violation("INSERT INTO slots (room, day, person, live, seats) VALUES ('a', 'monday', 1, 2, 1)")
        #expect(unnamed == ConstraintViolation(kind: .check, name: "live IN (0, 1)"))
    }

    @Test func aTriggerIsNamedByItsMessage() async throws {
        let found = try await violation("INSERT INTO slots (room, day, person, live, seats) VALUES ('a', 'sunday', 1, 1, 1)")
        #expect(found == ConstraintViolation(kind: .trigger, name: "no slot on a sunday"))
    }

    @Test func aNotNullNamesItsColumn() async throws {
        let found = try await violation("INSERT INTO slots (room, day, live, seats) VALUES ('a', 'monday', 1, 1)")
        #expect(found == ConstraintViolation(kind: .notNull, name: "slots.person", table: "slots", columns: ["person"]))
    }

    @Test func anotherFailureNamesNoConstraint() async throws {
        let found = try await violation("INSERT INTO nowhere VALUES (1)")
        #expect(found == nil)
    }
}
