internal import Store

extension Schema {
    /// Version 8, the front desk (窓口): closures reasoned in the language
    /// they were written in and liftable, what each closure did to which
    /// booking or desk pass, the days of a booking a closure cancelled, and
    /// the members' calendar-feed tokens.
    ///
    /// - `closures` is rebuilt: `reason` (English, required) becomes
    ///   `reason_en` and `reason_ja`, at least one given. An old reason with
    ///   any character outside printable ASCII was typed in Japanese (staff
    ///   wrote Japanese into the only required field) and moves to
    ///   `reason_ja` when that was empty. `lifted_at`/`lifted_by` record
    ///   that staff reopened the days (`POST /closures/{id}/lift`).
    /// - `closure_effects`: one row per booking or desk pass a closure
    ///   cancelled, wholly (`cancelled`) or some days of it
    ///   (`days_cancelled`), with those days and the refund. The bookings
    ///   earlier closures cancelled are found by their cancel reason
    ///   (`closure #<id>: …`) and recorded here; the desk passes they
    ///   cancelled carry no such mark and are not.
    /// - `booking_cancelled_days`: the days of a live booking a closure
    ///   cancelled while its other days stay booked (docs/DOMAIN.md
    ///   "Closures of part of a multi-day booking").
    /// - `feed_tokens`: a member's secret calendar URL (its SHA-256 only),
    ///   one live per registration, revocable, read-only.
    static let frontDesk =
        Migration(version: 8, name: "front desk: closure languages and lifting, closure effects, cancelled days, feed tokens", sql: """
            CREATE TABLE closures_by_language (
                id         INTEGER PRIMARY KEY,
                first_date TEXT NOT NULL,
                last_date  TEXT NOT NULL,
                facilities TEXT NOT NULL,
                reason_ja  TEXT CHECK (reason_ja IS NULL OR length(reason_ja) BETWEEN 1 AND 500),
                reason_en  TEXT CHECK (reason_en IS NULL OR length(reason_en) BETWEEN 1 AND 500),
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                lifted_at  INTEGER,
                lifted_by  TEXT,
                CHECK (last_date >= first_date),
                CHECK (reason_ja IS NOT NULL OR reason_en IS NOT NULL),
                CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
            ) STRICT;
            INSERT INTO closures_by_language (id, first_date, last_date, facilities, reason_ja, reason_en, created_at, created_by)
                SELECT id, first_date, last_date, facilities,
                    CASE WHEN reason_ja IS NOT NULL AND reason_ja <> '' THEN reason_ja
                         WHEN reason GLOB '*[^ -~]*' THEN reason END,
                    CASE WHEN reason GLOB '*[^ -~]*' AND (reason_ja IS NULL OR reason_ja = '') THEN NULL ELSE reason END,
                    created_at, created_by
                FROM closures;
            DROP TABLE closures;
            ALTER TABLE closures_by_language RENAME TO closures;
            CREATE INDEX closures_dates ON closures (first_date, last_date);

            CREATE TABLE closure_effects (
                closure_id   INTEGER NOT NULL REFERENCES closures (id),
                booking_id   INTEGER REFERENCES bookings (id),
                desk_pass_id INTEGER REFERENCES desk_passes (id),
                outcome      TEXT NOT NULL CHECK (outcome IN ('cancelled', 'days_cancelled')),
                days         TEXT NOT NULL,
                refund       INTEGER NOT NULL CHECK (refund >= 0),
                CHECK ((booking_id IS NULL) <> (desk_pass_id IS NULL))
            ) STRICT;
            CREATE INDEX closure_effects_closure ON closure_effects (closure_id);
            INSERT INTO closure_effects (closure_id, booking_id, outcome, days, refund)
                SELECT c.id, b.id, 'cancelled', '', coalesce(b.refund_amount, 0)
                FROM bookings b JOIN closures c
                    ON c.id = CAST(substr(b.cancel_reason, 10, instr(b.cancel_reason, ':') - 10) AS INTEGER)
                WHERE b.state = 'cancelled_by_center' AND b.cancel_reason LIKE 'closure #%:%';

            CREATE TABLE booking_cancelled_days (
                booking_id INTEGER NOT NULL REFERENCES bookings (id),
                date       TEXT NOT NULL,
                closure_id INTEGER NOT NULL REFERENCES closures (id),
                PRIMARY KEY (booking_id, date)
            ) STRICT;

            CREATE TABLE feed_tokens (
                id              INTEGER PRIMARY KEY,
                hash            BLOB NOT NULL UNIQUE,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                created_at      INTEGER NOT NULL,
                created_by      TEXT NOT NULL,
                revoked_at      INTEGER,
                revoked_by      TEXT,
                CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
            ) STRICT;
            CREATE UNIQUE INDEX feed_tokens_one_live ON feed_tokens (registration_id) WHERE revoked_at IS NULL;
            """)
}
