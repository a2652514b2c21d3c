internal import Store

extension Schema {
    /// Version 3: registrations (利用登録), room bookings (予約) with their
    /// division-units, ad-hoc closures (臨時休館) and penalties (ペナルティ).
    ///
    /// The schema forbids double-selling on its own: `booking_units` holds one
    /// row per booked facility, date and division, and a partial UNIQUE index
    /// lets at most one of them be live. A bug in a rule check therefore
    /// cannot sell a unit twice (docs/ARCHITECTURE.md, "Rules of the house").
    /// Dates are `YYYY-MM-DD` text (Japan), instants integer epoch seconds.
    static let bookings =
        Migration(version: 3, name: "registrations, bookings, booking units, closures, penalties", sql: """
            CREATE TABLE registrations (
                id              INTEGER PRIMARY KEY,
                category        TEXT NOT NULL CHECK (category IN
                                    ('ward', 'economic_group', 'small_business', 'community_group', 'general', 'freelancer')),
                name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                contact         TEXT NOT NULL,
                in_ward         INTEGER NOT NULL CHECK (in_ward IN (0, 1)),
                evidence        TEXT NOT NULL,
                valid_from      TEXT NOT NULL,
                valid_until     TEXT NOT NULL,
                status          TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
                suspended_until TEXT,
                penalty_points  INTEGER NOT NULL DEFAULT 0 CHECK (penalty_points >= 0),
                created_at      INTEGER NOT NULL,
                created_by      TEXT NOT NULL,
                updated_at      INTEGER NOT NULL,
                updated_by      TEXT NOT NULL,
                CHECK (valid_until >= valid_from),
                CHECK ((status = 'suspended') = (suspended_until IS NOT NULL))
            ) STRICT;

            CREATE TABLE bookings (
                id                INTEGER PRIMARY KEY,
                registration_id   INTEGER NOT NULL REFERENCES registrations (id),
                category          TEXT NOT NULL CHECK (category IN
                                      ('ward', 'economic_group', 'small_business', 'community_group', 'general', 'freelancer')),
                facility_id       TEXT NOT NULL,
                first_date        TEXT NOT NULL,
                last_date         TEXT NOT NULL,
                divisions         TEXT NOT NULL CHECK (length(divisions) > 0),
                purpose           TEXT NOT NULL,
                attendees         INTEGER NOT NULL CHECK (attendees >= 1),
                admission_charged INTEGER NOT NULL CHECK (admission_charged >= 0),
                commercial        INTEGER NOT NULL CHECK (commercial IN (0, 1)),
                out_of_ward       INTEGER NOT NULL CHECK (out_of_ward IN (0, 1)),
                guardian          TEXT,
                state             TEXT NOT NULL CHECK (state IN ('provisional', 'paid', 'checked_in', 'done', 'lapsed',
                                      'cancelled_by_user', 'cancelled_by_center', 'no_show')),
                fee_total         INTEGER NOT NULL CHECK (fee_total >= 0),
                fee_breakdown     TEXT NOT NULL,
                payment_deadline  INTEGER NOT NULL,
                created_at        INTEGER NOT NULL,
                created_by        TEXT NOT NULL,
                paid_at           INTEGER,
                checked_in_at     INTEGER,
                cancelled_at      INTEGER,
                cancelled_by      TEXT,
                cancel_reason     TEXT,
                refund_percent    INTEGER CHECK (refund_percent BETWEEN 0 AND 100),
                refund_amount     INTEGER CHECK (refund_amount >= 0),
                CHECK (last_date >= first_date),
                CHECK (state <> 'paid' OR paid_at IS NOT NULL),
                CHECK (state NOT IN ('cancelled_by_user', 'cancelled_by_center') OR cancelled_at IS NOT NULL)
            ) STRICT;
            CREATE INDEX bookings_registration ON bookings (registration_id, first_date);
            CREATE INDEX bookings_facility_date ON bookings (facility_id, first_date);
            CREATE INDEX bookings_open_deadline ON bookings (payment_deadline) WHERE state = 'provisional';
            CREATE INDEX bookings_in_use ON bookings (last_date) WHERE state IN ('paid', 'checked_in');

            CREATE TABLE booking_units (
                booking_id      INTEGER NOT NULL REFERENCES bookings (id),
                facility_id     TEXT NOT NULL,
                date            TEXT NOT NULL,
                division        TEXT NOT NULL,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                live            INTEGER NOT NULL CHECK (live IN (0, 1)),
                community       INTEGER NOT NULL CHECK (community IN (0, 1)),
                PRIMARY KEY (booking_id, date, division)
            ) STRICT;
            CREATE UNIQUE INDEX booking_units_one_live ON booking_units (facility_id, date, division) WHERE live = 1;
            CREATE INDEX booking_units_registration ON booking_units (registration_id, date) WHERE live = 1;

            CREATE TABLE closures (
                id         INTEGER PRIMARY KEY,
                first_date TEXT NOT NULL,
                last_date  TEXT NOT NULL,
                facilities TEXT NOT NULL,
                reason     TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
                reason_ja  TEXT,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                CHECK (last_date >= first_date)
            ) STRICT;
            CREATE INDEX closures_dates ON closures (first_date, last_date);

            CREATE TABLE penalties (
                id              INTEGER PRIMARY KEY,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                booking_id      INTEGER NOT NULL REFERENCES bookings (id),
                event           TEXT NOT NULL CHECK (event IN ('late_cancel', 'no_show')),
                points          INTEGER NOT NULL CHECK (points >= 0),
                at              INTEGER NOT NULL,
                suspended_until TEXT,
                UNIQUE (booking_id, event)
            ) STRICT;
            """)
}
