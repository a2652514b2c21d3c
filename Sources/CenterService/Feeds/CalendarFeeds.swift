import CalendarValues
import CenterDomain
internal import Store

/// No live feed URL for the registration.
public enum FeedTokenCode: String, ErrorCode {
    case feedTokenNotFound = "feed_token_not_found"
}

/// The feed URL names no live feed (unknown or revoked).
public enum FeedLookupCode: String, ErrorCode {
    case feedNotFound = "feed_not_found"
}

/// A member's secret calendar URL (カレンダー配信), as minted: the token is
/// shown once; only its SHA-256 is stored.
public struct MintedFeedToken: Sendable, Encodable {
    public let id: Int64
    public let registration: Int64
    /// `nkf_` and 64 hex digits: the path segment of the feed URL.
    public let token: String
    /// The feed's path, `/feeds/<token>/calendar.ics`.
    public let path: String
    public let createdAt: Instant
    /// The feed URL it replaced and revoked, if there was one.
    public let replaced: Int64?

    enum CodingKeys: String, CodingKey { case id, registration, token, path, replaced, createdAt = "created_at" }
}

/// A revoked feed URL: which, whose, when.
public struct RevokedFeedToken: Sendable, Encodable {
    public let id: Int64
    public let registration: Int64
    public let revokedAt: Instant

    enum CodingKeys: String, CodingKey { case id, registration, revokedAt = "revoked_at" }
}

/// What a member's calendar shows: its bookings, desk passes and locker
/// leases used or running between two dates, in any state.
public struct MemberFeed: Sendable {
    public let bookings: [Booking]
    public let deskPasses: [DeskPass]
    public let leases: [LockerLease]
}

/// Calendar feeds a member subscribes to (カレンダー配信): each registration
/// may have one secret feed URL at a time, `/feeds/<token>/calendar.ics`,
/// separate from its API tokens and read-only: it shows the member's own
/// bookings, desk passes and locker terms and can do nothing else. Minting
/// a new URL revokes the old one; a revoked or unknown URL is 404. Our
/// decision, after the "secret address" of the calendar services people
/// already subscribe with.
public struct CalendarFeeds: AreaService {
    let context: ServiceContext

    /// What `mint` refuses with.
    public typealias MintRefusal = Refusals<RegistrationLookupCode, RegistrationErasedCode>
    /// What `revoke` refuses with.
    public typealias RevokeRefusal = Refusals<RegistrationLookupCode, FeedTokenCode>
    /// What reading a feed refuses with.
    public typealias FeedRefusal = Refusals<FeedLookupCode, DateRangeCode>

    /// Mints the feed URL of registration `id` (a member: its own only),
    /// revoking the one it had; audited without the secret.
    public func mint(registration id: Int64, by actor: Actor) async throws(ServiceError<MintRefusal>) -> MintedFeedToken {
        try await context.run(MintRefusal.self) {
            try Registrations.requireOwn(registration: id, actor: actor)
            let now = clock.now()
            let token = AccessToken.generate(prefix: "nkf_")
            return try await pool.write { db in
                try Registrations.requireKept(try RegistrationRecord.load(db, id: id, today: now.japanDate))
                let replaced: Int64? = try db.queryOne(
                    "SELECT id FROM feed_tokens WHERE registration_id = ? AND revoked_at IS NULL", [.integer(id)])?.get("id")
                if let replaced {
                    try db.run("UPDATE feed_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?",
                               [now.sqlValue, .text(actor.auditLabel), .integer(replaced)])
                }
                try db.run("""
                    INSERT INTO feed_tokens (hash, registration_id, created_at, created_by) VALUES (?, ?, ?, ?)
                    """, [.blob(token.hash), .integer(id), now.sqlValue, .text(actor.auditLabel)])
                let minted = MintedFeedToken(id: db.lastInsertRowID, registration: id, token: token.secret,
                                             path: "/feeds/\(token.secret)/calendar.ics", createdAt: now, replaced: replaced)
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "feed_token.create", entity: "registration",
                                    entityID: String(id), after: AuditedFeedToken(id: minted.id, replaced: replaced))
                return minted
            }
        }
    }

    /// Revokes the live feed URL of registration `id` (a member: its own):
    /// `feed_token_not_found` when it has none.
    public func revoke(registration id: Int64, by actor: Actor) async throws(ServiceError<RevokeRefusal>) -> RevokedFeedToken {
        try await context.run(RevokeRefusal.self) {
            try Registrations.requireOwn(registration: id, actor: actor)
            let now = clock.now()
            return try await pool.write { db in
                _ = try RegistrationRecord.load(db, id: id, today: now.japanDate)
                guard let live: Int64 = try db.queryOne(
                    "SELECT id FROM feed_tokens WHERE registration_id = ? AND revoked_at IS NULL", [.integer(id)])?.get("id") else {
                    throw Refusal(FeedTokenCode.feedTokenNotFound, "Registration \(id) has no calendar feed URL.",
                                  details: ["registration": String(id)])
                }
                try db.run("UPDATE feed_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?",
                           [now.sqlValue, .text(actor.auditLabel), .integer(live)])
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "feed_token.revoke", entity: "registration",
                                    entityID: String(id), after: AuditedFeedToken(id: live, replaced: nil))
                return RevokedFeedToken(id: live, registration: id, revokedAt: now)
            }
        }
    }

    /// The feed behind `token` from `from` to `to`: the registration's
    /// bookings, desk passes and locker leases; `feed_not_found` for an
    /// unknown or revoked token (compared by hash, in constant time).
    public func feed(token: String, from: LocalDate, to: LocalDate) async throws(ServiceError<FeedRefusal>) -> MemberFeed {
        try await context.run(FeedRefusal.self) {
            try DateRangeCode.check(from: from, to: to, maximumDays: Bookings.maximumFeedDays)
            let notFound = Refusal(FeedLookupCode.feedNotFound, "No calendar feed has this address.")
            guard token.hasPrefix("nkf_"), token.utf8.count <= 100 else { throw notFound }
            let hash = AccessToken(secret: token).hash
            return try await pool.read { db in
                guard let row = try db.queryOne("""
                    SELECT hash, registration_id FROM feed_tokens WHERE hash = ? AND revoked_at IS NULL
                    """, [.blob(hash)]), ConstantTime.equal(try row.get("hash"), hash) else { throw notFound }
                return try Self.content(db, registration: try row.get("registration_id"), from: from, to: to)
            }
        }
    }

    /// The member's own feed (`GET /me/calendar.ics`): the same content.
    public func feed(registration: Int64, from: LocalDate, to: LocalDate)
        async throws(ServiceError<DateRangeCode>) -> MemberFeed {
        try await context.run(DateRangeCode.self) {
            try DateRangeCode.check(from: from, to: to, maximumDays: Bookings.maximumFeedDays)
            return try await pool.read { db in try Self.content(db, registration: registration, from: from, to: to) }
        }
    }

    static func content(_ db: Database, registration: Int64, from: LocalDate, to: LocalDate) throws -> MemberFeed {
        let id = SQLValue.integer(registration)
        let bookings = try db.query("""
            SELECT \(Booking.columns) FROM bookings WHERE registration_id = ? AND first_date <= ? AND last_date >= ?
            ORDER BY first_date, id
            """, [id, to.sqlValue, from.sqlValue]).map(Booking.init(row:))
        let passes = try db.query("""
            SELECT \(DeskPass.columns) FROM desk_passes WHERE registration_id = ? AND date BETWEEN ? AND ?
            ORDER BY date, starts_at, id
            """, [id, from.sqlValue, to.sqlValue]).map(DeskPass.init(row:))
        let leases = try db.query("""
            SELECT \(LockerLease.columns) FROM locker_leases WHERE registration_id = ? AND start_date <= ? AND end_date >= ?
            ORDER BY start_date, id
            """, [id, to.sqlValue, from.sqlValue]).map(LockerLease.init(row:))
        return MemberFeed(bookings: bookings, deskPasses: passes, leases: leases)
    }
}

/// What the audit log keeps of a feed URL: never its secret.
private struct AuditedFeedToken: Encodable {
    let id: Int64
    let replaced: Int64?
}
