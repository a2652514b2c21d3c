import CalendarValues

/// How long a signed-in session lasts (docs/SECURITY.md "Sessions"): idle
/// for at most `idleSeconds` between requests, and never longer than
/// `lifetimeSeconds` from the sign-in. Staff, planners and admins work at
/// shared counters: 30 minutes idle, 12 hours (a working day) in all.
/// Members use their own phones: 14 days idle, 30 days in all.
public struct SessionPolicy: Sendable, Equatable {
    public let idleSeconds: Int64
    public let lifetimeSeconds: Int64

    public static let staff = SessionPolicy(idleSeconds: 30 * 60, lifetimeSeconds: 12 * 3600)
    public static let member = SessionPolicy(idleSeconds: 14 * 86_400, lifetimeSeconds: 30 * 86_400)

    /// Requests closer together than this do not write `last_seen_at` again.
    public static let touchSeconds: Int64 = 60

    public static func of(_ role: Role) -> SessionPolicy { role == .member ? .member : .staff }

    /// Where a session stands at `now`.
    public enum Standing: Sendable, Equatable {
        case live
        case idle
        case lifetimeOver
    }

    public func standing(createdAt: Instant, lastSeenAt: Instant, now: Instant) -> Standing {
        if now.secondsSinceEpoch - createdAt.secondsSinceEpoch >= lifetimeSeconds { return .lifetimeOver }
        if now.secondsSinceEpoch - lastSeenAt.secondsSinceEpoch >= idleSeconds { return .idle }
        return .live
    }
}
