import CenterDomain
import Testing
@testable import CenterService

/// New passwords: long rather than complicated, never the obvious ones.
struct PasswordPolicyTests {
    let login = LoginName("desk1")

    @Test func twelveCharactersAreEnough() {
        #expect(PasswordPolicy.problem(with: "kumo-no-ue-9", login: login) == nil)
    }

    @Test func elevenCharactersAreTooShort() {
        #expect(PasswordPolicy.problem(with: "kumo-no-ue9", login: login) == .passwordTooShort)
    }

    @Test func charactersAreCountedNotBytes() {
        #expect(PasswordPolicy.problem(with: "なかののそらはあおいです", login: login) == nil)
        #expect(PasswordPolicy.problem(with: "なかののそらはあおい", login: login) == .passwordTooShort)
    }

    @Test func moreThan1024BytesIsTooLong() {
        #expect(PasswordPolicy.problem(with: String(repeating: "abc-", count: 256), login: login) == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "abc-", count: 256) + "x", login: login) == .passwordTooLong)
    }

    @Test func thePasswordMayNotContainTheLogin() {
        #expect(PasswordPolicy.problem(with: "my-DESK1-password", login: login) == .passwordContainsLogin)
    }

    @Test(arguments: ["password1234", "PASSWORD1234", "123456789012", "qwertyuiopas", "aaaaaaaaaaaaaa", "abababababab"])
    func obviousPasswordsAreRefused(_ password: String) {
        #expect(PasswordPolicy.problem(with: password, login: login) == .passwordTooCommon)
    }

    @Test func fullWidthAndHalfWidthSpellingsAreOnePassword() {
        let stored = StoredPassword.derive("ｎａｋａｎｏ－ｓｋｙ－２０２６", salt: Array(repeating: 1, count: 16), iterations: 2)
        #expect(stored.matches("nakano-sky-2026"))
        #expect(!stored.matches("nakano-sky-2027"))
    }
}

/// How a password is stored: PBKDF2-HMAC-SHA256, a random salt per account.
struct StoredPasswordTests {
    @Test func saltIsSixteenRandomBytesAndDiffersEachTime() {
        let first = StoredPassword.derive("kumo-no-ue-9", iterations: 2)
        let second = StoredPassword.derive("kumo-no-ue-9", iterations: 2)
        #expect(first.salt.count == 16)
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
    }

    @Test func storedHashIsPBKDF2OfThePasswordUnderItsSalt() {
        let stored = StoredPassword.derive("kumo-no-ue-9", iterations: 3)
        #expect(stored.hash == PBKDF2.sha256(password: Array("kumo-no-ue-9".utf8), salt: stored.salt, iterations: 3, length: 32))
        #expect(stored.iterations == 3)
    }

    @Test func onlyTheRightPasswordMatches() {
        let stored = StoredPassword.derive("kumo-no-ue-9", iterations: 2)
        #expect(stored.matches("kumo-no-ue-9"))
        #expect(!stored.matches("kumo-no-ue-8"))
        #expect(!stored.matches(""))
    }

    @Test func configuredIterationsCannotGoBelow600000() {
        #expect(SignInSettings(passwordIterations: 1000).passwordIterations == 600_000)
        #expect(SignInSettings(passwordIterations: 1_000_000).passwordIterations == 1_000_000)
        #expect(!SignInSettings(behindTLS: false, anyIterations: 599_999).problems().isEmpty)
    }

    @Test func repositoryConfigurationHasTheSignInSection() {
        let settings = BookingFixture.settings.signIn
        #expect(settings.passwordIterations >= 600_000)
        #expect(settings.behindTLS == false)
    }
}

/// Logins are read leniently and kept in one form.
struct LoginNameTests {
    @Test func capitalsAndFullWidthLettersAreOneLogin() {
        #expect(LoginName("Desk1")?.text == "desk1")
        #expect(LoginName("ＤＥＳＫ１")?.text == "desk1")
        #expect(LoginName("  hanako@example.jp ")?.text == "hanako@example.jp")
    }

    @Test(arguments: ["ab", "desk 1", "デスク", "a#b", String(repeating: "a", count: 65), ""])
    func otherTextIsNoLogin(_ text: String) {
        #expect(LoginName(text) == nil)
    }
}
