import Synchronization

/// The callers behind tokens seen in the last second, by the token itself,
/// so a client sending request after request is neither looked up in the
/// database nor hashed every time (the lookup, then the SHA-256, were each a
/// visible share of every booking).
///
/// Security: the database still stores only the token's SHA-256, and a
/// miss still hashes the token and compares the stored hash in constant
/// time (`TokenStore.authenticate`). This cache holds, in this process's
/// memory only and for at most `lifetime`, the bytes of tokens that were
/// valid: bytes the process holds anyway while it reads each request. A
/// lookup finds its entry by the standard library's hash, which is keyed
/// with a random seed per process (SipHash), so a client cannot aim tokens
/// at the bucket of another's; the entry's token is then compared with the
/// presented one in constant time (`ConstantTime`), so how long a request
/// takes does not tell how much of a cached token it matched.
///
/// A revocation through this service (`POST /tokens/{id}/revoke`, an
/// erasure) empties the cache when its write has committed, so the next
/// request is refused. One made by another process on the same database
/// (`nakano-center token revoke` beside a running server) is seen within
/// `lifetime`, when the entry is looked up again. An expiry is checked on
/// every use. Only tokens that were valid are kept; an unknown token is
/// hashed and looked up every time.
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

    /// A token's bytes as a key: hashed by the keyed standard hash, equal
    /// only when every byte is, compared in constant time.
    struct Token: Hashable {
        let bytes: [UInt8]

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        static func == (a: Token, b: Token) -> Bool { ConstantTime.equal(a.bytes, b.bytes) }
        func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
    }

    private struct State {
        var entries: [Token: Entry] = [:]
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())

    /// The generation a lookup starts under: what it may be kept as.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// The caller of `token` when it was seen valid less than `lifetime`
    /// ago, in this generation, and has not expired at `now`.
    func actor(token: Token, now: Int64, at instant: ContinuousClock.Instant) -> Actor? {
        state.withLock { s in
            guard let entry = s.entries[token], entry.generation == s.generation,
                  instant - entry.seenAt < Self.lifetime else { return nil }
            if let expiresAt = entry.expiresAt, expiresAt <= now { return nil }
            return entry.actor
        }
    }

    /// Keeps a token found valid by a lookup that started in `generation`;
    /// dropped when a revocation came in between.
    func keep(token: Token, actor: Actor, expiresAt: Int64?, generation: UInt64, at instant: ContinuousClock.Instant) {
        state.withLock { s in
            guard s.generation == generation else { return }
            if s.entries.count >= Self.capacity { s.entries.removeAll(keepingCapacity: true) }
            s.entries[token] = Entry(actor: actor, expiresAt: expiresAt, seenAt: instant, generation: generation)
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
