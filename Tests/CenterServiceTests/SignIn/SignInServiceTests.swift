import CalendarValues
import Foundation
import Store
import Testing
@testable import CenterService

/// Staff sign in with login and password; failures are one answer, audited
/// and throttled; every sign-in is a new session.
struct SignInServiceTests {
    @Test func staffSignsInWithTheRightPassword() async throws {
        let f = try await SignInFixture()
        let account = try await f.staff()
        let session = try await f.signIn("Desk1")
        #expect(session.signedIn.accountID == account.id)
        #expect(session.signedIn.role == .staff)
        #expect(try await f.signIn.session(session.token) == session.signedIn)
    }

    @Test func wrongPasswordUnknownLoginAndDisabledAccountGetOneAnswer() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        try await f.staff("desk2")
        _ = try await f.signIn.setDisabled(login: "desk2", true, by: "test")
        for (login, password) in [("desk1", "not-the-password"), ("nobody", SignInFixture.password), ("desk2", SignInFixture.password)] {
            #expect(await f.refusal { _ = try await f.signIn(login, password) } == "sign_in_failed")
        }
    }

    @Test func checkedFailuresAreAuditedWithTheirReason() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        _ = try? await f.signIn("desk1", "not-the-password")
        _ = try? await f.signIn("nobody", "typed-my-password-here")
        let failures = try await f.audit("signin.failure")
        #expect(failures.count == 2)
        #expect(failures[0].after?.contains(#""reason":"wrong_password""#) == true)
        #expect(failures[0].after?.contains(#""login":"desk1""#) == true)
        #expect(failures[0].actor == "anonymous@203.0.113.5")
        #expect(failures[1].after?.contains(#""reason":"unknown_login""#) == true)
        #expect(failures[1].after?.contains("nobody") == false)
    }

    @Test func everySignInIsANewSession() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        let first = try await f.signIn()
        let second = try await f.signIn()
        #expect(first.token != second.token)
        #expect(first.signedIn.sessionID != second.signedIn.sessionID)
    }

    @Test func neitherPasswordNorSessionSecretIsStored() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        let session = try await f.signIn()
        let rows = try await f.pool.read { db in
            try db.query("SELECT * FROM user_accounts") + db.query("SELECT * FROM user_sessions") + db.query("SELECT * FROM audit_log")
        }
        for row in rows {
            for index in 0..<row.columns.count {
                switch row[index] {
                case .text(let text):
                    #expect(!text.contains(SignInFixture.password))
                    #expect(!text.contains(session.token.secret))
                case .blob(let bytes):
                    #expect(bytes != Array(session.token.secret.utf8))
                default: break
                }
            }
        }
    }

    @Test func afterFiveFailuresTheNextAttemptWaitsAndIsNotChecked() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        for _ in 0..<5 { _ = try? await f.signIn("desk1", "not-the-password") }
        #expect(await f.wait { _ = try await f.signIn() } == 1)
        #expect(try await f.audit("signin.failure").count == 5)
        f.clock.advance(seconds: 1)
        _ = try await f.signIn()
    }

    @Test func theDelayGrowsAndStopsAtAMinute() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        var waits: [Int64] = []
        while waits.count < 8 {
            if let seconds = await f.wait({ _ = try await f.signIn("desk1", "not-the-password") }) {
                waits.append(seconds)
                f.clock.advance(seconds: seconds)
            }
        }
        #expect(waits == [1, 2, 4, 8, 16, 32, 60, 60])
    }

    @Test func successfulSignInClearsTheLoginsFailures() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        for _ in 0..<4 { _ = try? await f.signIn("desk1", "not-the-password") }
        _ = try await f.signIn()
        for _ in 0..<4 { _ = try? await f.signIn("desk1", "not-the-password") }
        _ = try await f.signIn()
    }

    @Test func oneAddressTryingManyLoginsIsSlowedAfterTwentyFailures() async throws {
        let f = try await SignInFixture()
        for index in 0..<20 { _ = try? await f.signIn("user\(index)", "not-the-password") }
        #expect(await f.wait { _ = try await f.signIn("user99", "not-the-password") } == 1)
        #expect(await f.refusal { _ = try await f.signIn("user99", "not-the-password", from: "198.51.100.7") } == "sign_in_failed")
    }

    @Test func raisedIterationsRehashThePasswordAtTheNextSignIn() async throws {
        let f = try await SignInFixture(iterations: 16)
        try await f.staff()
        let stronger = CenterService(settings: SignInFixture.settings(iterations: 24), store: f.base.service.store,
                                     clock: f.clock).signIn
        _ = try await stronger.signIn(login: "desk1", password: SignInFixture.password, address: SignInFixture.address)
        let iterations: Int64? = try await f.pool.read { db in
            try db.queryOne("SELECT password_iterations FROM user_accounts")?.get("password_iterations")
        }
        #expect(iterations == 24)
        _ = try await stronger.signIn(login: "desk1", password: SignInFixture.password, address: SignInFixture.address)
    }
}

/// Accounts made and changed from the command line.
struct AccountTests {
    @Test func loginIsTakenOnceWhateverItsCase() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        #expect(await f.refusal { _ = try await f.staff("DESK1") } == "login_taken")
    }

    @Test func weakPasswordIsRefused() async throws {
        let f = try await SignInFixture()
        #expect(await f.refusal {
            _ = try await f.signIn.createAccount(login: "desk1", role: .staff, password: "short", by: "test")
        } == "password_too_short")
    }

    @Test func membersAreNotMadeFromTheCommandLine() async throws {
        let f = try await SignInFixture()
        #expect(await f.refusal { _ = try await f.staff("hanako", role: .member) } == "member_account_by_signup")
    }

    @Test func resetPasswordSignsTheAccountOutEverywhere() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        let session = try await f.signIn()
        _ = try await f.signIn.resetPassword(login: "desk1", password: "a-new-long-password", by: "test")
        #expect(try await f.signIn.session(session.token) == nil)
        #expect(await f.refusal { _ = try await f.signIn() } == "sign_in_failed")
        _ = try await f.signIn("desk1", "a-new-long-password")
    }

    @Test func disabledAccountIsSignedOutAndEnabledAgainSignsIn() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        let session = try await f.signIn()
        #expect(try await f.signIn.setDisabled(login: "desk1", true, by: "test"))
        #expect(try await f.signIn.session(session.token) == nil)
        #expect(try await f.signIn.setDisabled(login: "desk1", false, by: "test"))
        _ = try await f.signIn()
        #expect(try await f.audit("account.disable").count == 1)
    }
}

/// Sessions time out on the service's clock and end on request.
struct SessionTests {
    @Test func staffSessionEndsAfterThirtyMinutesWithoutARequest() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        let session = try await f.signIn()
        f.clock.advance(seconds: 29 * 60)
        #expect(try await f.signIn.session(session.token) != nil)
        f.clock.advance(seconds: 29 * 60)
        #expect(try await f.signIn.session(session.token) != nil)
        f.clock.advance(seconds: 30 * 60)
        #expect(try await f.signIn.session(session.token) == nil)
        let reason: String? = try await f.pool.read { db in try db.queryOne("SELECT end_reason FROM user_sessions")?.get("end_reason") }
        #expect(reason == "idle")
    }

    @Test func staffSessionEndsTwelveHoursAfterSignInEvenInUse() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        let session = try await f.signIn()
        for _ in 0..<23 {
            f.clock.advance(seconds: 30 * 60 - 1)
            _ = try await f.signIn.session(session.token)
        }
        f.clock.advance(seconds: 30 * 60)
        #expect(try await f.signIn.session(session.token) == nil)
    }

    @Test func signOutEndsOnlyThisSession() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        let phone = try await f.signIn()
        let desk = try await f.signIn()
        try await f.signIn.signOut(phone.signedIn)
        #expect(try await f.signIn.session(phone.token) == nil)
        #expect(try await f.signIn.session(desk.token) != nil)
    }

    @Test func signOutEverywhereEndsEverySessionOfTheAccount() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        try await f.staff("desk2")
        let phone = try await f.signIn()
        let desk = try await f.signIn()
        let other = try await f.signIn("desk2")
        try await f.signIn.signOutEverywhere(desk.signedIn)
        #expect(try await f.signIn.session(phone.token) == nil)
        #expect(try await f.signIn.session(desk.token) == nil)
        #expect(try await f.signIn.session(other.token) != nil)
    }

    @Test func unknownSecretIsNoSession() async throws {
        let f = try await SignInFixture()
        let token = try #require(SessionToken(cookie: String(repeating: "a", count: 64)))
        #expect(try await f.signIn.session(token) == nil)
        #expect(SessionToken(cookie: "not-a-secret") == nil)
    }

    @Test func formTokenIsTheSessionsOwn() async throws {
        let f = try await SignInFixture()
        try await f.staff()
        let one = try await f.signIn()
        let two = try await f.signIn()
        #expect(one.token.acceptsFormToken(one.signedIn.formToken))
        #expect(!one.token.acceptsFormToken(two.signedIn.formToken))
        #expect(!one.token.acceptsFormToken(""))
    }
}
