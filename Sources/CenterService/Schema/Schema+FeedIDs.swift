internal import Store

extension Schema {
    /// Version 7: a public id per booking for the iCalendar feeds. Event
    /// UIDs must be stable (calendar clients update events by UID) but must
    /// not reveal the sequential booking id, which would let anyone count the
    /// center's bookings and guess the ids the staff API takes. Each booking
    /// gets 128 random bits from SQLite's randomness (seeded from the
    /// operating system), once: existing bookings here, new ones by the insert (or
    /// the trigger, for any insert that names none); the id never changes.
    static let bookingFeedIDs =
        Migration(version: 7, name: "booking feed ids", sql: """
            ALTER TABLE bookings ADD COLUMN feed_id TEXT;
            UPDATE bookings SET feed_id = lower(hex(randomblob(16)));
            CREATE UNIQUE INDEX bookings_feed_id ON bookings (feed_id);
            CREATE TRIGGER bookings_feed_id_given AFTER INSERT ON bookings WHEN NEW.feed_id IS NULL
                BEGIN UPDATE bookings SET feed_id = lower(hex(randomblob(16))) WHERE id = NEW.id; END;
            CREATE TRIGGER bookings_feed_id_kept BEFORE UPDATE OF feed_id ON bookings WHEN OLD.feed_id IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'a booking''s feed id never changes'); END;
            """)
}
