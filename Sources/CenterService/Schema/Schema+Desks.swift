internal import Store

extension Schema {
    /// Version 4: flexible-desk passes (フリーデスク利用券) and the
    /// division-units they occupy.
    ///
    /// The schema forbids double-booking on its own: `desk_pass_periods` holds
    /// one row per desk, date and division a pass occupies (a whole-day pass
    /// one per division), and two partial UNIQUE indexes let at most one live
    /// row exist per desk and unit, and per registration and unit (a person
    /// holds no overlapping passes). A released pass (cancelled, no-show)
    /// stops being live, so its desk is bookable again at once.
    /// Dates are `YYYY-MM-DD` text (Japan), instants integer epoch seconds.
    static let desks =
        Migration(version: 4, name: "desk passes and their period units", sql: """
            CREATE TABLE desk_passes (
                id                INTEGER PRIMARY KEY,
                registration_id   INTEGER NOT NULL REFERENCES registrations (id),
                desk_id           TEXT NOT NULL,
                date              TEXT NOT NULL,
                period            TEXT NOT NULL,
                state             TEXT NOT NULL CHECK (state IN ('booked', 'checked_in', 'cancelled', 'no_show')),
                fee               INTEGER NOT NULL CHECK (fee >= 0),
                starts_at         INTEGER NOT NULL,
                check_in_deadline INTEGER NOT NULL,
                created_at        INTEGER NOT NULL,
                created_by        TEXT NOT NULL,
                checked_in_at     INTEGER,
                checked_in_by     TEXT,
                cancelled_at      INTEGER,
                cancelled_by      TEXT,
                released_at       INTEGER,
                penalty_points    INTEGER CHECK (penalty_points >= 0),
                CHECK (check_in_deadline >= starts_at),
                CHECK (state <> 'checked_in' OR checked_in_at IS NOT NULL),
                CHECK (state <> 'cancelled' OR cancelled_at IS NOT NULL),
                CHECK (state <> 'no_show' OR released_at IS NOT NULL)
            ) STRICT;
            CREATE INDEX desk_passes_date ON desk_passes (date, desk_id);
            CREATE INDEX desk_passes_registration ON desk_passes (registration_id, date);
            CREATE INDEX desk_passes_due ON desk_passes (check_in_deadline) WHERE state = 'booked';

            CREATE TABLE desk_pass_periods (
                pass_id         INTEGER NOT NULL REFERENCES desk_passes (id),
                desk_id         TEXT NOT NULL,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                date            TEXT NOT NULL,
                period_unit     TEXT NOT NULL,
                live            INTEGER NOT NULL CHECK (live IN (0, 1)),
                PRIMARY KEY (pass_id, period_unit)
            ) STRICT;
            CREATE UNIQUE INDEX desk_pass_periods_one_live_desk
                ON desk_pass_periods (desk_id, date, period_unit) WHERE live = 1;
            CREATE UNIQUE INDEX desk_pass_periods_one_live_person
                ON desk_pass_periods (registration_id, date, period_unit) WHERE live = 1;
            """)
}
