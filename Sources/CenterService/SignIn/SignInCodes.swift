import CenterDomain

/// Why a sign-in was refused. A wrong password, an unknown login and a
/// disabled account get the one answer `sign_in_failed`, so the page does
/// not tell which logins exist; the audit log records which it was.
public enum SignInCode: String, ErrorCode {
    case signInFailed = "sign_in_failed"
    /// Too many failures: the next attempt is checked after `retry_after` seconds.
    case signInThrottled = "sign_in_throttled"
}

/// Why a sign-up code was not taken: unknown, used, withdrawn or expired
/// (one answer for all), too many wrong codes from the address, or a
/// registration whose personal data was erased.
public enum SignUpAttemptCode: String, ErrorCode {
    case invalidSignupCode = "invalid_signup_code"
    case signupThrottled = "signup_throttled"
    case registrationUnavailable = "registration_unavailable"
}

/// A login that is not one (`LoginName`), or another account's.
public enum LoginCode: String, ErrorCode {
    case invalidLogin = "invalid_login"
    case loginTaken = "login_taken"
}

/// Staff, planner and admin accounts (`nakano-center account …`): no account
/// has the login, or a member's account, which the member makes with a code.
public enum AccountCode: String, ErrorCode {
    case accountNotFound = "account_not_found"
    case memberAccountBySignup = "member_account_by_signup"
}

extension SignInCode {
    static func throttled(seconds: Int64) -> Refusal<SignInCode> {
        Refusal(.signInThrottled, "Sign-in is paused after repeated failures. Please try again in \(seconds) s.",
                details: ["retry_after": String(seconds)])
    }
}

extension LoginCode {
    /// `typed` as a login, or `invalid_login`.
    static func login(_ typed: String) throws(Refusal<LoginCode>) -> LoginName {
        guard let login = LoginName(typed) else {
            throw Refusal(.invalidLogin, "A login is 3 to 64 of the small letters a–z, digits and the signs . _ - @.")
        }
        return login
    }

    static let taken = Refusal(LoginCode.loginTaken, "This login is taken. Please choose another one.")
}

extension AccountCode {
    static func notFound(_ login: String) -> Refusal<AccountCode> {
        Refusal(.accountNotFound, "No account has the login \(login.prefix(100)).", details: ["login": String(login.prefix(100))])
    }
}
