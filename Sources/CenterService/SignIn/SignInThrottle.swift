import Synchronization

/// The sign-in and sign-up throttles of one process (docs/SECURITY.md
/// "Sign-in throttling"): failures per login, per client address, and wrong
/// sign-up codes per address. Kept in memory: a restart forgets them, which
/// costs an attacker a restart they cannot cause.
final class SignInThrottle: Sendable {
    private struct Ledgers {
        var accounts = ThrottleLedger(policy: .perAccount)
        var addresses = ThrottleLedger(policy: .perAddress)
        var signUpCodes = ThrottleLedger(policy: .signUpCodes)
    }

    private let ledgers = Mutex(Ledgers())

    /// Seconds before a sign-in for `login` from `address` may be checked.
    func signInWait(login: String, address: String, now: Int64) -> Int64 {
        ledgers.withLock { max($0.accounts.wait(login, now: now), $0.addresses.wait(address, now: now)) }
    }

    /// Counts the attempt as failed before its password is checked, so that
    /// attempts sent together cannot all slip in before the first failure
    /// is counted; `succeeded` takes it back.
    func signInAttempt(login: String, address: String, now: Int64) {
        ledgers.withLock {
            $0.accounts.recordFailure(login, now: now)
            $0.addresses.recordFailure(address, now: now)
        }
    }

    /// The attempt was right: the login starts afresh, the address loses the failure counted for it.
    func signInSucceeded(login: String, address: String) {
        ledgers.withLock {
            $0.accounts.forget(login)
            $0.addresses.withdrawFailure(address)
        }
    }

    func signUpWait(address: String, now: Int64) -> Int64 {
        ledgers.withLock { $0.signUpCodes.wait(address, now: now) }
    }

    func signUpCodeFailed(address: String, now: Int64) {
        ledgers.withLock { $0.signUpCodes.recordFailure(address, now: now) }
    }
}
