internal import Store

extension Schema {
    /// Version 9: the counter's records (docs/DOMAIN.md "The front desk (窓口)").
    ///
    /// - `registrations` gain the reading of the name (`name_kana`, full-width
    ///   katakana), the postal address (`postal_code`, seven digits, and
    ///   `address`), the corporate number of the evidence as a column, and the
    ///   folded keys a name is searched and matched by (`name_key`, `kana_key`:
    ///   `NameFolding.searchKey`; `identity_key`: `NameFolding.identityKey`).
    ///   The keys and the corporate number's 13 digits are made by Swift, not
    ///   SQL: rows stored before this version have NULL keys until the
    ///   service fills them on start
    ///   (`Registrations.fillSearchKeys`), and a change of the folding ships as
    ///   a migration that sets them back to NULL.
    /// - `payments`, `refunds` and `refund_payouts` are a booking's ledger
    ///   (支払台帳, `PaymentLedger`): lines are only ever added (triggers refuse
    ///   updates and deletes), each numbered within its booking. The triggers
    ///   also refuse a payment to a booking that is not provisional or above
    ///   what is outstanding, a refund above what was paid, and a payout above
    ///   its refund: the rules hold even against a bug in the code that checks
    ///   them first.
    /// - Bookings paid before this version (a time, no amount) get one payment
    ///   of their fee at that time, recorded as cash taken by `migration`, the
    ///   method most counters use; their refunds become refunds decided at the
    ///   cancellation, still to be paid out as far as the service knows.
    /// - `receipts` (領収書) are numbered per fiscal year without gaps
    ///   (`ReceiptNumber`): a trigger refuses any number but the next of its
    ///   year, and a year before the latest; the fiscal year must be the issue
    ///   date's. A receipt is never deleted; only its payer may change, to the
    ///   erased mark, when the payer's personal data is erased.
    ///   `receipt_reissues` records each reissue (再発行), which keeps the number.
    static let counter =
        Migration(version: 9, name: "registration search keys, kana and address; payments ledger; receipts", sql: """
            ALTER TABLE registrations ADD COLUMN name_kana TEXT CHECK (name_kana IS NULL OR length(name_kana) BETWEEN 1 AND 200);
            ALTER TABLE registrations ADD COLUMN postal_code TEXT
                CHECK (postal_code IS NULL OR (length(postal_code) = 7 AND postal_code NOT GLOB '*[^0-9]*'));
            ALTER TABLE registrations ADD COLUMN address TEXT CHECK (address IS NULL OR length(address) BETWEEN 1 AND 200);
            ALTER TABLE registrations ADD COLUMN corporate_number TEXT;
            ALTER TABLE registrations ADD COLUMN name_key TEXT;
            ALTER TABLE registrations ADD COLUMN kana_key TEXT;
            ALTER TABLE registrations ADD COLUMN identity_key TEXT;
            CREATE INDEX registrations_search ON registrations (name_key, kana_key);
            CREATE INDEX registrations_kana_key ON registrations (kana_key);
            CREATE INDEX registrations_identity ON registrations (identity_key, contact);
            CREATE INDEX registrations_contact ON registrations (contact);
            CREATE INDEX registrations_corporate_number ON registrations (corporate_number) WHERE corporate_number IS NOT NULL;
            CREATE INDEX registrations_unkeyed ON registrations (id) WHERE name_key IS NULL;

            CREATE TABLE payments (
                id          INTEGER PRIMARY KEY,
                booking_id  INTEGER NOT NULL REFERENCES bookings (id),
                number      INTEGER NOT NULL CHECK (number >= 1),
                amount      INTEGER NOT NULL CHECK (amount > 0),
                method      TEXT NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'invoice')),
                taken_by    TEXT NOT NULL CHECK (length(taken_by) BETWEEN 1 AND 200),
                recorded_by TEXT NOT NULL,
                at          INTEGER NOT NULL,
                UNIQUE (booking_id, number)
            ) STRICT;
            CREATE INDEX payments_at ON payments (at);

            CREATE TABLE refunds (
                id          INTEGER PRIMARY KEY,
                booking_id  INTEGER NOT NULL REFERENCES bookings (id),
                number      INTEGER NOT NULL CHECK (number >= 1),
                amount      INTEGER NOT NULL CHECK (amount > 0),
                percent     INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
                reason      TEXT NOT NULL CHECK (reason IN ('cancellation', 'lapse', 'closure')),
                decided_by  TEXT NOT NULL,
                decided_at  INTEGER NOT NULL,
                UNIQUE (booking_id, number)
            ) STRICT;

            CREATE TABLE refund_payouts (
                id          INTEGER PRIMARY KEY,
                refund_id   INTEGER NOT NULL REFERENCES refunds (id),
                amount      INTEGER NOT NULL CHECK (amount > 0),
                method      TEXT NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer')),
                paid_by     TEXT NOT NULL CHECK (length(paid_by) BETWEEN 1 AND 200),
                recorded_by TEXT NOT NULL,
                at          INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX refund_payouts_refund ON refund_payouts (refund_id);
            CREATE INDEX refund_payouts_at ON refund_payouts (at);

            INSERT INTO payments (booking_id, number, amount, method, taken_by, recorded_by, at)
                SELECT id, 1, fee_total, 'cash', 'migration', 'system:migration', paid_at FROM bookings
                WHERE paid_at IS NOT NULL AND fee_total > 0;
            INSERT INTO refunds (booking_id, number, amount, percent, reason, decided_by, decided_at)
                SELECT id, 1, refund_amount, refund_percent, 'cancellation', coalesce(cancelled_by, 'system:migration'),
                       coalesce(cancelled_at, paid_at)
                FROM bookings WHERE refund_amount > 0 AND paid_at IS NOT NULL;

            CREATE TRIGGER payments_append_only_update BEFORE UPDATE ON payments
                BEGIN SELECT RAISE(ABORT, 'the payments ledger is append-only'); END;
            CREATE TRIGGER payments_append_only_delete BEFORE DELETE ON payments
                BEGIN SELECT RAISE(ABORT, 'the payments ledger is append-only'); END;
            CREATE TRIGGER refunds_append_only_update BEFORE UPDATE ON refunds
                BEGIN SELECT RAISE(ABORT, 'the payments ledger is append-only'); END;
            CREATE TRIGGER refunds_append_only_delete BEFORE DELETE ON refunds
                BEGIN SELECT RAISE(ABORT, 'the payments ledger is append-only'); END;
            CREATE TRIGGER refund_payouts_append_only_update BEFORE UPDATE ON refund_payouts
                BEGIN SELECT RAISE(ABORT, 'the payments ledger is append-only'); END;
            CREATE TRIGGER refund_payouts_append_only_delete BEFORE DELETE ON refund_payouts
                BEGIN SELECT RAISE(ABORT, 'the payments ledger is append-only'); END;
            CREATE TRIGGER payments_within_the_fee BEFORE INSERT ON payments
                WHEN (SELECT state FROM bookings WHERE id = NEW.booking_id) IS NOT 'provisional'
                  OR NEW.amount + (SELECT coalesce(sum(amount), 0) FROM payments WHERE booking_id = NEW.booking_id)
                     - (SELECT coalesce(sum(amount), 0) FROM refunds WHERE booking_id = NEW.booking_id)
                     > (SELECT fee_total FROM bookings WHERE id = NEW.booking_id)
                BEGIN SELECT RAISE(ABORT, 'a payment is taken for a provisional booking, at most what is outstanding'); END;
            CREATE TRIGGER refunds_within_the_payments BEFORE INSERT ON refunds
                WHEN NEW.amount + (SELECT coalesce(sum(amount), 0) FROM refunds WHERE booking_id = NEW.booking_id)
                     > (SELECT coalesce(sum(amount), 0) FROM payments WHERE booking_id = NEW.booking_id)
                BEGIN SELECT RAISE(ABORT, 'refunds never exceed the payments'); END;
            CREATE TRIGGER refund_payouts_within_the_refund BEFORE INSERT ON refund_payouts
                WHEN NEW.amount + (SELECT coalesce(sum(amount), 0) FROM refund_payouts WHERE refund_id = NEW.refund_id)
                     > (SELECT amount FROM refunds WHERE id = NEW.refund_id)
                BEGIN SELECT RAISE(ABORT, 'a refund is paid out at most once in full'); END;

            CREATE TABLE receipts (
                fiscal_year         INTEGER NOT NULL,
                sequence            INTEGER NOT NULL CHECK (sequence >= 1),
                payment_id          INTEGER NOT NULL UNIQUE REFERENCES payments (id),
                booking_id          INTEGER NOT NULL REFERENCES bookings (id),
                issued_on           TEXT NOT NULL,
                payer               TEXT NOT NULL CHECK (length(payer) BETWEEN 1 AND 200),
                facility_ja         TEXT NOT NULL,
                dates               TEXT NOT NULL,
                divisions_ja        TEXT NOT NULL,
                part_payment        INTEGER NOT NULL CHECK (part_payment IN (0, 1)),
                amount              INTEGER NOT NULL CHECK (amount > 0),
                method              TEXT NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'invoice')),
                issuer              TEXT NOT NULL CHECK (length(issuer) BETWEEN 1 AND 200),
                registration_number TEXT,
                tax_percent         INTEGER NOT NULL CHECK (tax_percent >= 0),
                stamp_duty_exempt   INTEGER NOT NULL CHECK (stamp_duty_exempt IN (0, 1)),
                issued_at           INTEGER NOT NULL,
                issued_by           TEXT NOT NULL,
                PRIMARY KEY (fiscal_year, sequence),
                CHECK (fiscal_year = CAST(substr(issued_on, 1, 4) AS INTEGER) - (substr(issued_on, 6, 2) < '04'))
            ) STRICT;
            CREATE INDEX receipts_booking ON receipts (booking_id);
            CREATE TRIGGER receipts_numbered_without_gaps BEFORE INSERT ON receipts
                WHEN NEW.sequence <> coalesce((SELECT max(sequence) FROM receipts WHERE fiscal_year = NEW.fiscal_year), 0) + 1
                  OR EXISTS (SELECT 1 FROM receipts WHERE fiscal_year > NEW.fiscal_year)
                BEGIN SELECT RAISE(ABORT, 'receipt numbers run without gaps within a fiscal year'); END;
            CREATE TRIGGER receipts_never_deleted BEFORE DELETE ON receipts
                BEGIN SELECT RAISE(ABORT, 'a receipt is never deleted'); END;
            CREATE TRIGGER receipts_kept_as_issued BEFORE UPDATE ON receipts
                WHEN NOT (NEW.payer = '（消去済み）' AND NEW.fiscal_year = OLD.fiscal_year AND NEW.sequence = OLD.sequence
                          AND NEW.payment_id = OLD.payment_id AND NEW.booking_id = OLD.booking_id
                          AND NEW.issued_on = OLD.issued_on AND NEW.facility_ja = OLD.facility_ja AND NEW.dates = OLD.dates
                          AND NEW.divisions_ja = OLD.divisions_ja AND NEW.part_payment = OLD.part_payment
                          AND NEW.amount = OLD.amount AND NEW.method = OLD.method AND NEW.issuer = OLD.issuer
                          AND NEW.registration_number IS OLD.registration_number AND NEW.tax_percent = OLD.tax_percent
                          AND NEW.stamp_duty_exempt = OLD.stamp_duty_exempt AND NEW.issued_at = OLD.issued_at
                          AND NEW.issued_by = OLD.issued_by)
                BEGIN SELECT RAISE(ABORT, 'a receipt is kept as issued; only its payer is erased'); END;

            CREATE TABLE receipt_reissues (
                id          INTEGER PRIMARY KEY,
                fiscal_year INTEGER NOT NULL,
                sequence    INTEGER NOT NULL,
                reissued_on TEXT NOT NULL,
                reissued_by TEXT NOT NULL,
                at          INTEGER NOT NULL,
                FOREIGN KEY (fiscal_year, sequence) REFERENCES receipts (fiscal_year, sequence)
            ) STRICT;
            CREATE INDEX receipt_reissues_receipt ON receipt_reissues (fiscal_year, sequence);
            CREATE TRIGGER receipt_reissues_append_only_update BEFORE UPDATE ON receipt_reissues
                BEGIN SELECT RAISE(ABORT, 'reissues are only ever added'); END;
            CREATE TRIGGER receipt_reissues_append_only_delete BEFORE DELETE ON receipt_reissues
                BEGIN SELECT RAISE(ABORT, 'reissues are only ever added'); END;
            """)
}
