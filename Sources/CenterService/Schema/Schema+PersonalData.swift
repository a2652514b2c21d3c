internal import Store

extension Schema {
    /// Version 6: erasing personal data (個人情報の保護に関する法律 第22条, 第35条).
    ///
    /// - `registrations.erased_at`: when the registration's personal data was
    ///   erased (its row stays, anonymous, for the reports).
    /// - The audit log stays append-only, with one controlled exception: a
    ///   line may be *redacted* by the erasure, replacing the erased values
    ///   in `before`, `after` and `actor` and setting `redacted_at`. The
    ///   trigger refuses every other update: any change to `id`, `at`,
    ///   `action`, `entity`, `entity_id` or `request_id`, any update that
    ///   does not set `redacted_at`, or sets it back in time. A line about
    ///   two registrations (a closure that cancelled both's bookings) is
    ///   redacted once for each. Deletes are still refused. The line that
    ///   records the erasure itself never holds the erased values.
    /// - Indexes on `(entity, entity_id)` and on `actor`, so the erasure
    ///   finds a registration's audit lines (and its members' actions)
    ///   without reading the whole log.
    static let personalData =
        Migration(version: 6, name: "personal-data erasure and audit-line redaction", sql: """
            ALTER TABLE registrations ADD COLUMN erased_at INTEGER;
            ALTER TABLE audit_log ADD COLUMN redacted_at INTEGER;
            CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
            CREATE INDEX audit_log_actor ON audit_log (actor);
            DROP TRIGGER audit_log_is_append_only_update;
            CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                WHEN NOT (NEW.redacted_at IS NOT NULL AND (OLD.redacted_at IS NULL OR NEW.redacted_at >= OLD.redacted_at)
                          AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
                          AND NEW.entity = OLD.entity AND NEW.entity_id IS OLD.entity_id
                          AND NEW.request_id IS OLD.request_id)
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only; a line is only ever redacted, by the personal-data erasure'); END;
            """)
}
