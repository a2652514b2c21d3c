import Synchronization

/// The callers behind tokens seen in the last second, by the token's SHA-256,
/// so a client sending request after request is not looked up in the
/// database every time (that lookup was a visible share of every booking).
///
/// A revocation through this service (`POST /tokens/{id}/revoke`, an
/// erasure) empties the cache when its write has committed, so the next
/// request is refused. One made by another process on the same database
/// (`nakano-center token revoke` beside a running server) is seen within
/// `lifetime`, when the entry is looked up again. An expiry is checked on
/// every use. Only tokens that were valid are kept; an unknown token is
/// looked up every time.
final class TokenCache: Sendable {
    /// How long an entry is trusted before the database is asked again.
    static let lifetime: Duration = .seconds(1)
    /// The most entries kept; beyond it the cache starts again empty.
    static let capacity = 4096

    struct Entry {
        let actor: Actor
        let expiresAt: Int64?
        let seenAt: ContinuousClock.Instant
        let generation: UInt64
    }

    private struct State {
        var entries: [[UInt8]: Entry] = [:]
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())

    /// The generation a lookup starts under: what it may be kept as.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// The caller of token `hash` when it was seen valid less than
    /// `lifetime` ago, in this generation, and has not expired at `now`.
    func actor(hash: [UInt8], now: Int64, at instant: ContinuousClock.Instant) -> Actor? {
        state.withLock { s in
            guard let entry = s.entries[hash], entry.generation == s.generation,
                  instant - entry.seenAt < Self.lifetime else { return nil }
            if let expiresAt = entry.expiresAt, expiresAt <= now { return nil }
            return entry.actor
        }
    }

    /// Keeps a token found valid by a lookup that started in `generation`;
    /// dropped when a revocation came in between.
    func keep(hash: [UInt8], actor: Actor, expiresAt: Int64?, generation: UInt64, at instant: ContinuousClock.Instant) {
        state.withLock { s in
            guard s.generation == generation else { return }
            if s.entries.count >= Self.capacity { s.entries.removeAll(keepingCapacity: true) }
            s.entries[hash] = Entry(actor: actor, expiresAt: expiresAt, seenAt: instant, generation: generation)
        }
    }

    /// Forgets every token: call once a write that revoked tokens has committed.
    func revoked() {
        state.withLock { s in
            s.generation &+= 1
            s.entries.removeAll(keepingCapacity: true)
        }
    }
}
