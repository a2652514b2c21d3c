import CalendarValues
import CenterDomain
import Store
@testable import CenterService

/// A sign-in service over a `BookingFixture` (fresh database, manual clock),
/// with few PBKDF2 rounds so that a debug build is quick: the rounds are a
/// setting, tested on their own; every other rule is the same.
final class SignInFixture {
    let base: BookingFixture
    let signIn: SignInService
    static let password = "kumo-no-ue-de-odoru"
    static let address = "203.0.113.5"

    init(iterations: Int = 1000) throws {
        base = try BookingFixture(synchronousFull: false)
        signIn = SignInService(service: base.service, settings: SignInSettings(behindTLS: false, anyIterations: iterations))
    }

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
        return try await base.service.issueSignUpCode(registrationID: registration, by: "staff:desk1 (account 1)")
    }
}
