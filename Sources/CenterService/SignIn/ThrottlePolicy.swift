/// How sign-in failures slow further attempts (docs/SECURITY.md "Sign-in
/// throttling"): after `freeFailures` failures, each attempt must wait
/// `firstDelay` seconds after the last failure, doubling with each further
/// failure up to `maximumDelay`. Nothing locks: the longest wait is the cap,
/// so nobody can shut a person out by failing on purpose for long. A key
/// with no failure for `forgetAfter` seconds starts afresh.
public struct ThrottlePolicy: Sendable, Equatable {
    public let freeFailures: Int
    public let firstDelay: Int64
    public let maximumDelay: Int64
    public let forgetAfter: Int64

    /// One account, from any address: 5 free failures, then 1 s doubling
    /// to a minute. Slow enough against guessing (at most about 1,440
    /// guesses a day), short enough that a person never waits long.
    public static let perAccount = ThrottlePolicy(freeFailures: 5, firstDelay: 1, maximumDelay: 60, forgetAfter: 3600)
    /// One client address, whatever the login: 20 free failures (the
    /// center's own counter and Wi-Fi share one address), then 1 s doubling
    /// to 15 minutes, against one machine trying many accounts.
    public static let perAddress = ThrottlePolicy(freeFailures: 20, firstDelay: 1, maximumDelay: 900, forgetAfter: 3600)
    /// Wrong sign-up codes from one address: 10 free, then 1 s to 15 minutes.
    public static let signUpCodes = ThrottlePolicy(freeFailures: 10, firstDelay: 1, maximumDelay: 900, forgetAfter: 3600)
    /// Wrong lobby check-in codes of one person: 5 free, then 1 s doubling
    /// to 5 minutes, so the six digits cannot be guessed from a phone at home
    /// (at most about 300 guesses a day against a million codes).
    public static let lobbyCodes = ThrottlePolicy(freeFailures: 5, firstDelay: 1, maximumDelay: 300, forgetAfter: 86_400)

    /// The wait after the `failures`-th failure, in seconds.
    public func delay(afterFailures failures: Int) -> Int64 {
        guard failures >= freeFailures else { return 0 }
        let doublings = failures - freeFailures
        guard doublings < 62, firstDelay << doublings < maximumDelay else { return maximumDelay }
        return firstDelay << doublings
    }
}

/// The failures counted per key (a login, an address) under one policy: a
/// pure value, so the rule is tested with plain instants. At most
/// `capacity` keys are kept: a full ledger first forgets keys whose
/// failures are old, then the key whose last failure is oldest.
public struct ThrottleLedger: Sendable {
    struct Entry: Sendable, Equatable {
        var failures: Int
        var lastFailure: Int64
    }

    public let policy: ThrottlePolicy
    public let capacity: Int
    private(set) var entries: [String: Entry] = [:]

    public init(policy: ThrottlePolicy, capacity: Int = 10_000) {
        self.policy = policy
        self.capacity = max(1, capacity)
    }

    /// Seconds to wait before an attempt for `key` may be checked; 0 when it may now.
    public func wait(_ key: String, now: Int64) -> Int64 {
        guard let entry = entries[key], now - entry.lastFailure < policy.forgetAfter else { return 0 }
        return max(0, entry.lastFailure + policy.delay(afterFailures: entry.failures) - now)
    }

    /// Counts a failure for `key` at `now`.
    public mutating func recordFailure(_ key: String, now: Int64) {
        var entry = entries[key] ?? Entry(failures: 0, lastFailure: now)
        if now - entry.lastFailure >= policy.forgetAfter { entry.failures = 0 }
        entry.failures += 1
        entry.lastFailure = now
        if entries[key] == nil && entries.count >= capacity { makeRoom(now: now) }
        entries[key] = entry
    }

    /// Forgets `key`'s failures (a successful sign-in to the account).
    public mutating func forget(_ key: String) { entries[key] = nil }

    /// Takes back one failure of `key` (one counted before the attempt was checked).
    public mutating func withdrawFailure(_ key: String) {
        guard var entry = entries[key] else { return }
        entry.failures -= 1
        entries[key] = entry.failures > 0 ? entry : nil
    }

    /// How many failures `key` has now.
    public func failures(_ key: String, now: Int64) -> Int {
        guard let entry = entries[key], now - entry.lastFailure < policy.forgetAfter else { return 0 }
        return entry.failures
    }

    private mutating func makeRoom(now: Int64) {
        let forgetAfter = policy.forgetAfter
        entries = entries.filter { now - $0.value.lastFailure < forgetAfter }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastFailure < $1.value.lastFailure })?.key {
            entries[oldest] = nil
        }
    }
}
