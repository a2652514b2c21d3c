import CalendarValues
import CenterDomain
import ServiceTestSupport
import Store
@testable import CenterService

/// The sign-in service over a `BookingFixture` (fresh database, manual
/// clock), with few PBKDF2 rounds so that a debug build is quick: the rounds
/// are a setting, tested on their own; every other rule is the same.
final class SignInFixture {
    let base: BookingFixture
    static let password = "kumo-no-ue-de-odoru"
    static let address = "203.0.113.5"

    init(iterations: Int = 16) async throws {
        base = try await BookingFixture(synchronousFull: false, settings: Self.settings(iterations: iterations))
    }

    /// The repository's settings with `iterations` PBKDF2 rounds.
    static func settings(iterations: Int) -> CenterSettings {
        var settings = BookingFixture.settings
        settings.signIn = SignInSettings(behindTLS: false, anyIterations: iterations)
        return settings
    }

    var signIn: SignIn { base.service.signIn }
    var clock: ManualClock { base.clock }
    var pool: DatabasePool { base.service.pool }

    @discardableResult
    func staff(_ login: String = "desk1", role: Role = .staff) async throws -> UserAccount {
        try await signIn.createAccount(login: login, role: role, password: Self.password, by: "test")
    }

    func signIn(_ login: String = "desk1", _ password: String = SignInFixture.password,
                from address: String = SignInFixture.address) async throws -> NewSession {
        try await signIn.signIn(login: login, password: password, address: address)
    }

    func audit(_ action: String) async throws -> [AuditEntry] {
        try await pool.read { db in try AuditLog.entries(db, since: Instant(secondsSinceEpoch: 0)) }.filter { $0.action == action }
    }

    /// A registration with a fresh sign-up code.
    func issued() async throws -> IssuedSignUpCode {
        let registration = try await base.register(.freelancer)
        return try await issue(registration)
    }

    /// A new code for `registration`, issued by the front desk.
    func issue(_ registration: Int64) async throws -> IssuedSignUpCode {
        try await signIn.issueSignUpCode(registration: registration, by: base.staff)
    }

    /// The code of the refusal `work` throws, nil when it succeeds.
    func refusal(_ work: () async throws -> Void) async -> String? { await base.refusal(work) }

    /// The seconds a `…_throttled` refusal of `work` asks to wait; nil for any other outcome.
    func wait(_ work: () async throws -> Void) async -> Int64? {
        do {
            try await work()
            return nil
        } catch {
            guard let refused = Refused(error), refused.code.hasSuffix("_throttled") else { return nil }
            return refused.details["retry_after"].flatMap { Int64($0) }
        }
    }
}
