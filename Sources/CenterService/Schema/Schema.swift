internal import Store

/// The database schema as ordered migrations. A migration, once released, is
/// never edited: changes come as a new version. The schema itself forbids what
/// must never happen (docs/ARCHITECTURE.md): the audit log cannot be updated or
/// deleted, a member token always names its registration.
enum Schema {
    static let migrations: [Migration] = [
        foundation, roadmap, bookings, desks, lockers, personalData, bookingFeedIDs, frontDesk, counter, tokyoBooking, signIn,
        writerCost,
    ]

    /// The partial UNIQUE index that lets one live booking hold a facility's
    /// division on a date (`StoreError.constraint` names it).
    static let oneLiveBookingUnit = "booking_units_one_live"
    /// The partial UNIQUE indexes that let one live pass hold a desk, and a
    /// person hold one desk, in a period of a date.
    static let oneLivePassPerDesk = "desk_pass_periods_one_live_desk"
    static let oneLivePassPerPerson = "desk_pass_periods_one_live_person"

    /// Version 1: tokens, the audit log and idempotency keys.
    static let foundation =
        Migration(version: 1, name: "access tokens, audit log, idempotency keys", sql: """
            CREATE TABLE access_tokens (
                id              INTEGER PRIMARY KEY,
                hash            BLOB NOT NULL UNIQUE,
                role            TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'planner', 'member')),
                name            TEXT NOT NULL,
                registration_id INTEGER,
                created_at      INTEGER NOT NULL,
                created_by      TEXT NOT NULL,
                expires_at      INTEGER,
                revoked_at      INTEGER,
                CHECK (role <> 'member' OR registration_id IS NOT NULL)
            ) STRICT;

            CREATE TABLE audit_log (
                id         INTEGER PRIMARY KEY,
                at         INTEGER NOT NULL,
                actor      TEXT NOT NULL,
                action     TEXT NOT NULL,
                entity     TEXT NOT NULL,
                entity_id  TEXT,
                before     TEXT,
                after      TEXT,
                request_id TEXT
            ) STRICT;
            CREATE INDEX audit_log_at ON audit_log (at);
            CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

            CREATE TABLE idempotency_keys (
                actor        TEXT NOT NULL,
                key          TEXT NOT NULL,
                request_hash BLOB NOT NULL,
                status       INTEGER NOT NULL,
                body         BLOB NOT NULL,
                created_at   INTEGER NOT NULL,
                PRIMARY KEY (actor, key)
            ) STRICT;
            """)
}
