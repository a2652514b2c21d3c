internal import Store

extension Schema {
    /// Version 5: mobile lockers (法人登記用ロッカー) and equipment storage (備品倉庫).
    ///
    /// The schema forbids what must never happen (docs/ARCHITECTURE.md):
    /// - one active lease per locker, per corporate number and per lessee
    ///   registration (partial UNIQUE indexes on `state = 'active'`);
    /// - one open offer per locker and per waitlist entry;
    /// - never more storage units allocated in a bay and fiscal year than the
    ///   bay holds: `storage_bays` keeps each bay's capacity (written from
    ///   Config in the same transaction as the allocation) and a trigger
    ///   refuses an allocation beyond it;
    /// - an item is checked out at most once at a time;
    /// - a reminder is written once per lease, kind, due date and offset.
    /// Dates are `YYYY-MM-DD` text (Japan), instants integer epoch seconds.
    static let lockers =
        Migration(version: 5, name: "locker leases, waitlist, offers, reminders, storage", sql: """
            CREATE TABLE locker_leases (
                id                     INTEGER PRIMARY KEY,
                locker_id              TEXT NOT NULL,
                registration_id        INTEGER NOT NULL REFERENCES registrations (id),
                corporate_number       TEXT CHECK (corporate_number IS NULL OR length(corporate_number) = 13),
                founder                INTEGER NOT NULL CHECK (founder IN (0, 1)),
                corporate_number_due   TEXT,
                start_date             TEXT NOT NULL,
                months                 INTEGER NOT NULL CHECK (months >= 1),
                end_date               TEXT NOT NULL,
                monthly_fee            INTEGER NOT NULL CHECK (monthly_fee >= 0),
                amount_owed            INTEGER NOT NULL CHECK (amount_owed >= 0),
                identity_check         TEXT NOT NULL,
                registry_extract_check TEXT,
                state                  TEXT NOT NULL CHECK (state IN ('active', 'ended', 'cancelled')),
                ended_reason           TEXT CHECK (ended_reason IS NULL OR ended_reason IN ('terminated', 'expired', 'cancelled')),
                ended_on               TEXT,
                address_moved_on       TEXT,
                relettable_from        TEXT,
                offer_id               INTEGER REFERENCES locker_offers (id),
                created_at             INTEGER NOT NULL,
                created_by             TEXT NOT NULL,
                updated_at             INTEGER NOT NULL,
                updated_by             TEXT NOT NULL,
                CHECK (end_date >= start_date),
                CHECK (founder = 1 OR corporate_number IS NOT NULL),
                CHECK ((state = 'active') = (ended_on IS NULL)),
                CHECK (state = 'active' OR relettable_from IS NOT NULL)
            ) STRICT;
            CREATE UNIQUE INDEX locker_leases_one_active_per_locker ON locker_leases (locker_id) WHERE state = 'active';
            CREATE UNIQUE INDEX locker_leases_one_active_per_company ON locker_leases (corporate_number)
                WHERE state = 'active' AND corporate_number IS NOT NULL;
            CREATE UNIQUE INDEX locker_leases_one_active_per_registration ON locker_leases (registration_id) WHERE state = 'active';
            CREATE INDEX locker_leases_locker ON locker_leases (locker_id, relettable_from);
            CREATE INDEX locker_leases_end ON locker_leases (end_date) WHERE state = 'active';

            CREATE TABLE locker_waitlist (
                id              INTEGER PRIMARY KEY,
                registration_id INTEGER NOT NULL REFERENCES registrations (id),
                note            TEXT NOT NULL DEFAULT '',
                applied_at      INTEGER NOT NULL,
                state           TEXT NOT NULL CHECK (state IN ('waiting', 'offered', 'accepted', 'declined', 'expired', 'withdrawn')),
                created_by      TEXT NOT NULL
            ) STRICT;
            CREATE UNIQUE INDEX locker_waitlist_one_open_per_registration ON locker_waitlist (registration_id)
                WHERE state IN ('waiting', 'offered');
            CREATE INDEX locker_waitlist_queue ON locker_waitlist (applied_at, id) WHERE state = 'waiting';

            CREATE TABLE locker_offers (
                id          INTEGER PRIMARY KEY,
                waitlist_id INTEGER NOT NULL REFERENCES locker_waitlist (id),
                locker_id   TEXT NOT NULL,
                offered_on  TEXT NOT NULL,
                expires_on  TEXT NOT NULL,
                state       TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'declined', 'expired')),
                decided_at  INTEGER,
                CHECK (expires_on >= offered_on),
                CHECK ((state = 'open') = (decided_at IS NULL))
            ) STRICT;
            CREATE UNIQUE INDEX locker_offers_one_open_per_locker ON locker_offers (locker_id) WHERE state = 'open';
            CREATE UNIQUE INDEX locker_offers_one_open_per_entry ON locker_offers (waitlist_id) WHERE state = 'open';

            CREATE TABLE locker_reminders (
                lease_id    INTEGER NOT NULL REFERENCES locker_leases (id),
                kind        TEXT NOT NULL CHECK (kind IN ('lease_end', 'corporate_number_overdue')),
                due_on      TEXT NOT NULL,
                days_before INTEGER NOT NULL,
                sent_on     TEXT NOT NULL,
                PRIMARY KEY (lease_id, kind, due_on, days_before)
            ) STRICT;

            CREATE TABLE storage_bays (
                id       TEXT PRIMARY KEY,
                capacity INTEGER NOT NULL CHECK (capacity >= 0)
            ) STRICT;

            CREATE TABLE storage_applications (
                id              INTEGER PRIMARY KEY,
                fiscal_year     INTEGER NOT NULL,
                registration_id INTEGER REFERENCES registrations (id),
                category        TEXT NOT NULL,
                holder_name     TEXT NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 200),
                units           INTEGER NOT NULL CHECK (units >= 1),
                applied_at      INTEGER NOT NULL,
                created_by      TEXT NOT NULL
            ) STRICT;
            CREATE INDEX storage_applications_year ON storage_applications (fiscal_year, id);

            CREATE TABLE storage_allocations (
                id             INTEGER PRIMARY KEY,
                application_id INTEGER NOT NULL UNIQUE REFERENCES storage_applications (id),
                fiscal_year    INTEGER NOT NULL,
                bay_id         TEXT NOT NULL REFERENCES storage_bays (id),
                units          INTEGER NOT NULL CHECK (units >= 1),
                created_at     INTEGER NOT NULL,
                created_by     TEXT NOT NULL
            ) STRICT;
            CREATE INDEX storage_allocations_bay ON storage_allocations (bay_id, fiscal_year);
            CREATE TRIGGER storage_allocations_within_capacity BEFORE INSERT ON storage_allocations
                WHEN NEW.units + (SELECT coalesce(sum(units), 0) FROM storage_allocations
                                  WHERE bay_id = NEW.bay_id AND fiscal_year = NEW.fiscal_year)
                     > (SELECT capacity FROM storage_bays WHERE id = NEW.bay_id)
                BEGIN SELECT RAISE(ABORT, 'storage bay over capacity'); END;
            CREATE TRIGGER storage_allocations_fixed BEFORE UPDATE OF bay_id, units, fiscal_year ON storage_allocations
                BEGIN SELECT RAISE(ABORT, 'an allocation is not moved or resized'); END;

            CREATE TABLE storage_items (
                id            INTEGER PRIMARY KEY,
                allocation_id INTEGER NOT NULL REFERENCES storage_allocations (id),
                bay_id        TEXT NOT NULL,
                name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                quantity      INTEGER NOT NULL CHECK (quantity >= 1),
                out_movement  INTEGER REFERENCES storage_movements (id),
                created_at    INTEGER NOT NULL,
                created_by    TEXT NOT NULL
            ) STRICT;
            CREATE INDEX storage_items_bay ON storage_items (bay_id, id);

            CREATE TABLE storage_movements (
                id          INTEGER PRIMARY KEY,
                item_id     INTEGER NOT NULL REFERENCES storage_items (id),
                kind        TEXT NOT NULL CHECK (kind IN ('checkout', 'return')),
                at          INTEGER NOT NULL,
                by_name     TEXT NOT NULL,
                event       TEXT,
                to_where    TEXT,
                recorded_by TEXT NOT NULL,
                CHECK (kind = 'return' OR (event IS NOT NULL AND to_where IS NOT NULL))
            ) STRICT;
            CREATE INDEX storage_movements_item ON storage_movements (item_id, id);
            """)
}
