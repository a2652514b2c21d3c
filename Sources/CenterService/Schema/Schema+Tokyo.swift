internal import Store

extension Schema {
    /// Version 10: the ways Tokyo's ward facilities book beside first come
    /// (docs/DOMAIN.md "Lottery rounds (抽選)", "Cancellation waiting list
    /// (キャンセル待ち)", "Series bookings (定期利用)", "Room bookings (予約)").
    ///
    /// - `lottery_months`: one row per round and month of use once its
    ///   commitment is published; the draw adds the ballot it read (with the
    ///   revealed seed) and its result. `lottery_seeds` holds the secret seed
    ///   apart: only the draw reads it, and no answer shows it before then.
    /// - `lottery_entries`: entries (抽選申込み), never bookings; the draw
    ///   marks each won or lost, a winner with the provisional booking it got.
    /// - `waiting_entries` and `waiting_chains`: the waiting lines of taken
    ///   room slots; one running offer per slot, one live entry per
    ///   registration and slot.
    /// - `booking_series` (the request its dates are booked with, the last
    ///   date attempted) and the bookings' `series_id`; the bookings'
    ///   `source` (how a booking came: a request, a lottery win, a waiting
    ///   list offer, a series) and `coupling_approval` (JSON: who approved a
    ///   coupled room alone, when, why).
    static let tokyoBooking =
        Migration(version: 10, name: "lottery rounds, waiting lists, series, coupling approvals", sql: """
            CREATE TABLE lottery_months (
                round_id     TEXT NOT NULL,
                use_month    TEXT NOT NULL,
                commitment   TEXT NOT NULL CHECK (length(commitment) = 64),
                committed_at INTEGER NOT NULL,
                drawn_at     INTEGER,
                ballot       TEXT,
                result       TEXT,
                PRIMARY KEY (round_id, use_month),
                CHECK ((drawn_at IS NULL) = (result IS NULL) AND (drawn_at IS NULL) = (ballot IS NULL))
            ) STRICT;

            CREATE TABLE lottery_seeds (
                round_id  TEXT NOT NULL,
                use_month TEXT NOT NULL,
                seed      TEXT NOT NULL CHECK (length(seed) = 64),
                PRIMARY KEY (round_id, use_month),
                FOREIGN KEY (round_id, use_month) REFERENCES lottery_months (round_id, use_month)
            ) STRICT;

            CREATE TABLE lottery_entries (
                id              INTEGER PRIMARY KEY,
                round_id        TEXT NOT NULL,
                use_month       TEXT NOT NULL,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                facility_id     TEXT NOT NULL,
                date            TEXT NOT NULL,
                divisions       TEXT NOT NULL CHECK (length(divisions) > 0),
                purpose         TEXT NOT NULL,
                attendees       INTEGER NOT NULL CHECK (attendees >= 1),
                state           TEXT NOT NULL CHECK (state IN ('entered', 'withdrawn', 'won', 'lost')),
                rank            INTEGER,
                loss            TEXT CHECK (loss IN ('slot_unavailable', 'slot_taken', 'win_limit_reached',
                                                     'community_quota_reserved')),
                booking_id      INTEGER REFERENCES bookings (id),
                booking_refusal TEXT,
                created_at      INTEGER NOT NULL,
                created_by      TEXT NOT NULL,
                withdrawn_at    INTEGER,
                withdrawn_by    TEXT,
                CHECK ((state = 'lost') = (loss IS NOT NULL)),
                CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL))
            ) STRICT;
            CREATE INDEX lottery_entries_round ON lottery_entries (round_id, use_month, state);
            CREATE INDEX lottery_entries_registration ON lottery_entries (registration_id, round_id, use_month);

            CREATE TABLE waiting_entries (
                id              INTEGER PRIMARY KEY,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                facility_id     TEXT NOT NULL,
                date            TEXT NOT NULL,
                division        TEXT NOT NULL,
                purpose         TEXT NOT NULL,
                attendees       INTEGER NOT NULL CHECK (attendees >= 1),
                applied_at      INTEGER NOT NULL,
                state           TEXT NOT NULL CHECK (state IN ('waiting', 'offered', 'accepted', 'declined', 'expired',
                                                               'withdrawn', 'closed')),
                offered_at      INTEGER,
                deadline        INTEGER,
                decided_at      INTEGER,
                booking_id      INTEGER REFERENCES bookings (id),
                created_by      TEXT NOT NULL,
                CHECK (state <> 'offered' OR (offered_at IS NOT NULL AND deadline IS NOT NULL)),
                CHECK (state IN ('waiting', 'offered') OR decided_at IS NOT NULL),
                CHECK (state <> 'accepted' OR booking_id IS NOT NULL)
            ) STRICT;
            CREATE UNIQUE INDEX waiting_entries_one_live ON waiting_entries (facility_id, date, division, registration_id)
                WHERE state IN ('waiting', 'offered');
            CREATE UNIQUE INDEX waiting_entries_one_offer ON waiting_entries (facility_id, date, division)
                WHERE state = 'offered';
            CREATE INDEX waiting_entries_live ON waiting_entries (facility_id, date, division) WHERE state IN ('waiting', 'offered');
            CREATE INDEX waiting_entries_registration ON waiting_entries (registration_id, date);

            CREATE TABLE waiting_chains (
                facility_id TEXT NOT NULL,
                date        TEXT NOT NULL,
                division    TEXT NOT NULL,
                chain       TEXT NOT NULL,
                seed        TEXT,
                PRIMARY KEY (facility_id, date, division)
            ) STRICT;

            CREATE TABLE booking_series (
                id              INTEGER PRIMARY KEY,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                facility_id     TEXT NOT NULL,
                divisions       TEXT NOT NULL CHECK (length(divisions) > 0),
                pattern         TEXT NOT NULL,
                from_date       TEXT NOT NULL,
                through_date    TEXT NOT NULL,
                window_through  TEXT NOT NULL,
                request         TEXT NOT NULL,
                purpose         TEXT NOT NULL,
                attendees       INTEGER NOT NULL CHECK (attendees >= 1),
                created_at      INTEGER NOT NULL,
                created_by      TEXT NOT NULL,
                cancelled_at    INTEGER,
                cancelled_by    TEXT,
                CHECK (through_date >= from_date)
            ) STRICT;

            ALTER TABLE bookings ADD COLUMN series_id INTEGER REFERENCES booking_series (id);
            ALTER TABLE bookings ADD COLUMN source TEXT NOT NULL DEFAULT 'request'
                CHECK (source IN ('request', 'lottery', 'waiting_list', 'series'));
            ALTER TABLE bookings ADD COLUMN coupling_approval TEXT;
            CREATE INDEX bookings_series ON bookings (series_id) WHERE series_id IS NOT NULL;
            """)
}
