import CalendarValues
import CenterDomain
import Foundation
import Store
import Testing
@testable import CenterService

/// Members sign up with the one-time code staff gave them.
struct SignUpTests {
    let password = "aoi-sora-no-shita-dea"

    @Test func memberSignsUpWithTheCodeAndIsSignedIn() async throws {
        let f = try await SignInFixture()
        let issued = try await f.issued()
        let session = try await f.signIn.signUp(code: issued.code.display, login: "hanako", password: password, address: SignInFixture.address)
        #expect(session.signedIn.role == .member)
        #expect(session.signedIn.registrationID == issued.registrationID)
        _ = try await f.signIn("hanako", password)
        #expect(try await f.base.service.registrations.registration(id: issued.registrationID, for: session.signedIn.actor).id
                == issued.registrationID)
    }

    @Test func codeIsValidFourteenDays() async throws {
        let f = try await SignInFixture()
        let issued = try await f.issued()
        #expect(issued.expiresAt == f.clock.now().adding(seconds: 14 * 86_400))
        f.clock.advance(seconds: 14 * 86_400)
        #expect(await f.refusal {
            _ = try await f.signIn.signUp(code: issued.code.text, login: "hanako", password: password, address: SignInFixture.address)
        } == "invalid_signup_code")
    }

    @Test func codeWorksOnce() async throws {
        let f = try await SignInFixture()
        let issued = try await f.issued()
        _ = try await f.signIn.signUp(code: issued.code.text, login: "hanako", password: password, address: SignInFixture.address)
        #expect(await f.refusal {
            _ = try await f.signIn.signUp(code: issued.code.text, login: "hanako2", password: password, address: SignInFixture.address)
        } == "invalid_signup_code")
    }

    @Test func newCodeWithdrawsTheOlderOne() async throws {
        let f = try await SignInFixture()
        let first = try await f.issued()
        let second = try await f.issue(first.registrationID)
        #expect(await f.refusal {
            _ = try await f.signIn.signUp(code: first.code.text, login: "hanako", password: password, address: SignInFixture.address)
        } == "invalid_signup_code")
        _ = try await f.signIn.signUp(code: second.code.text, login: "hanako", password: password, address: SignInFixture.address)
    }

    @Test func onlyTheCodesHashIsStored() async throws {
        let f = try await SignInFixture()
        let issued = try await f.issued()
        let stored: [UInt8]? = try await f.pool.read { db in try db.queryOne("SELECT hash FROM signup_codes")?.get("hash") }
        #expect(stored == SHA256.hash(Array(issued.code.text.utf8)))
    }

    @Test func forgottenPasswordGetsANewCodeThatResetsItAndSignsOutElsewhere() async throws {
        let f = try await SignInFixture()
        let issued = try await f.issued()
        let old = try await f.signIn.signUp(code: issued.code.text, login: "hanako", password: password, address: SignInFixture.address)
        let again = try await f.issue(issued.registrationID)
        #expect(again.existingLogin == "hanako")
        let new = try await f.signIn.signUp(code: again.code.text, login: "hanako", password: "a-brand-new-password",
                                            address: SignInFixture.address)
        #expect(new.signedIn.accountID == old.signedIn.accountID)
        #expect(try await f.signIn.session(old.token) == nil)
        #expect(await f.refusal { _ = try await f.signIn("hanako", password) } == "sign_in_failed")
    }

    @Test func takenLoginIsRefusedAndTheCodeStaysUsable() async throws {
        let f = try await SignInFixture()
        try await f.staff("hanako")
        let issued = try await f.issued()
        #expect(await f.refusal {
            _ = try await f.signIn.signUp(code: issued.code.text, login: "Hanako", password: password, address: SignInFixture.address)
        } == "login_taken")
        _ = try await f.signIn.signUp(code: issued.code.text, login: "hanako2", password: password, address: SignInFixture.address)
    }

    @Test func wrongCodesFromOneAddressAreThrottledAfterTen() async throws {
        let f = try await SignInFixture()
        for _ in 0..<10 {
            #expect(await f.refusal {
                _ = try await f.signIn.signUp(code: "AAAA-AAAA-AAAA", login: "hanako", password: password, address: SignInFixture.address)
            } == "invalid_signup_code")
        }
        #expect(await f.wait {
            _ = try await f.signIn.signUp(code: "AAAA-AAAA-AAAA", login: "hanako", password: password, address: SignInFixture.address)
        } == 1)
    }

    @Test func wrongCodesAreAuditedWithTheAddressAndNotTheCode() async throws {
        let f = try await SignInFixture()
        _ = try? await f.signIn.signUp(code: "AAAA-AAAA-AAAA", login: "hanako", password: password, address: SignInFixture.address)
        _ = try? await f.signIn.signUp(code: "not a code", login: "hanako", password: password, address: SignInFixture.address)
        let failures = try await f.audit("signup.failure")
        #expect(failures.count == 2)
        #expect(failures[0].after?.contains(#""reason":"unknown_code""#) == true)
        #expect(failures[1].after?.contains(#""reason":"malformed_code""#) == true)
        #expect(failures.allSatisfy { $0.actor == "anonymous@203.0.113.5" })
        #expect(failures.allSatisfy { $0.after?.contains("AAAA") == false && $0.after?.contains("not a code") == false })
    }

    @Test func codeForAnUnknownRegistrationIsRefused() async throws {
        let f = try await SignInFixture()
        #expect(await f.refusal { _ = try await f.issue(999) } == "registration_not_found")
    }

    @Test func erasingTheRegistrationEndsTheMembersSignIn() async throws {
        let f = try await SignInFixture()
        let issued = try await f.issued()
        let session = try await f.signIn.signUp(code: issued.code.text, login: "hanako", password: password, address: SignInFixture.address)
        let pending = try await f.issue(issued.registrationID)
        _ = try await f.base.service.registrations.erase(id: issued.registrationID, by: f.base.staff)
        #expect(try await f.signIn.session(session.token) == nil)
        #expect(await f.refusal { _ = try await f.signIn("hanako", password) } == "sign_in_failed")
        #expect(await f.refusal {
            _ = try await f.signIn.signUp(code: pending.code.text, login: "hanako", password: password, address: SignInFixture.address)
        } == "invalid_signup_code")
        let login: String? = try await f.pool.read { db in try db.queryOne("SELECT login FROM user_accounts")?.get("login") }
        #expect(login == "#erased-\(session.signedIn.accountID)")
        #expect(await f.refusal {
            _ = try await f.issue(issued.registrationID)
        } == "registration_already_erased")
    }

    @Test func erasureRedactsTheMembersLoginAndAddressesInTheAuditLog() async throws {
        let f = try await SignInFixture()
        let issued = try await f.issued()
        let login = "hanako.nakano@example.jp"
        _ = try await f.signIn.signUp(code: issued.code.text, login: login, password: password, address: "198.51.100.7")
        _ = try? await f.signIn(login, "not-the-password", from: "198.51.100.8")
        _ = try await f.base.service.registrations.erase(id: issued.registrationID, by: f.base.staff)
        let lines = try await f.pool.read { db in try AuditLog.entries(db, since: Instant(secondsSinceEpoch: 0)) }
        let text = lines.map { [$0.actor, $0.before ?? "", $0.after ?? ""].joined(separator: " ") }.joined(separator: "\n")
        #expect(lines.contains { $0.action == "account.create" } && lines.contains { $0.action == "signin.failure" })
        #expect(!text.contains(login))
        #expect(!text.contains("198.51.100.7"))
        #expect(!text.contains("198.51.100.8"))
    }
}
