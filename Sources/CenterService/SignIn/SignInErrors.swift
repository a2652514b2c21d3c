/// Why an account could not be made or changed (`nakano-center account …`).
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidLogin
    case loginTaken(String)
    case weakPassword(PasswordPolicy.Problem)
    case accountNotFound(String)
    /// Members make their own accounts with a sign-up code.
    case memberRole

    public var code: String {
        switch self {
        case .invalidLogin: "invalid_login"
        case .loginTaken: "login_taken"
        case .weakPassword(let problem): problem.code
        case .accountNotFound: "account_not_found"
        case .memberRole: "member_account_by_signup"
        }
    }

    public var description: String {
        switch self {
        case .invalidLogin: SignUpRefusal.invalidLogin.messageEn
        case .loginTaken(let login): "the login \(login) is taken"
        case .weakPassword(let problem): problem.messageEn
        case .accountNotFound(let login): "no account has the login \(login)"
        case .memberRole: "member accounts are made by the member with a sign-up code (staff issue one for the registration)"
        }
    }
}

/// Why a sign-in was refused. A wrong password, an unknown login and a
/// disabled account get the same answer, so the page does not tell which
/// logins exist; the audit log records which it was.
public enum SignInRefusal: Error, Sendable, Equatable {
    case wrongCredentials
    /// Too many failures: the next attempt is checked after `seconds`.
    case throttled(seconds: Int64)

    public var code: String {
        switch self {
        case .wrongCredentials: "sign_in_failed"
        case .throttled: "sign_in_throttled"
        }
    }

    public var messageJa: String {
        switch self {
        case .wrongCredentials: "ログインIDまたはパスワードが正しくありません。"
        case .throttled(let seconds):
            "サインインの失敗が続いたため、受け付けを一時停止しています。\(SignInRefusal.waitJa(seconds))にもう一度お試しください。"
        }
    }

    public var messageEn: String {
        switch self {
        case .wrongCredentials: "The login or the password is not correct."
        case .throttled(let seconds):
            "Sign-in is paused after repeated failures. Please try again in \(SignInRefusal.waitEn(seconds))."
        }
    }

    static func waitJa(_ seconds: Int64) -> String { seconds < 60 ? "\(seconds)秒後" : "\((seconds + 59) / 60)分後" }
    static func waitEn(_ seconds: Int64) -> String {
        seconds < 60 ? "\(seconds) second\(seconds == 1 ? "" : "s")" : "\((seconds + 59) / 60) minute\((seconds + 59) / 60 == 1 ? "" : "s")"
    }
}

/// Why a sign-up with a code was refused, with the form field it concerns.
public enum SignUpRefusal: Error, Sendable, Equatable {
    /// Unknown, used, withdrawn or expired: one answer for all.
    case invalidCode
    case throttled(seconds: Int64)
    case invalidLogin
    case loginTaken
    case weakPassword(PasswordPolicy.Problem)
    /// The registration's personal data has been erased.
    case registrationUnavailable

    /// The form field the refusal is about.
    public enum Field: String, Sendable { case code, login, password }

    public var field: Field {
        switch self {
        case .invalidCode, .throttled, .registrationUnavailable: .code
        case .invalidLogin, .loginTaken: .login
        case .weakPassword: .password
        }
    }

    public var code: String {
        switch self {
        case .invalidCode: "invalid_signup_code"
        case .throttled: "signup_throttled"
        case .invalidLogin: "invalid_login"
        case .loginTaken: "login_taken"
        case .weakPassword(let problem): problem.code
        case .registrationUnavailable: "registration_unavailable"
        }
    }

    public var messageJa: String {
        switch self {
        case .invalidCode: "サインアップコードが正しくないか、有効期限が切れています。窓口で新しいコードを受け取ってください。"
        case .throttled(let seconds):
            "コードの誤りが続いたため、受け付けを一時停止しています。\(SignInRefusal.waitJa(seconds))にもう一度お試しください。"
        case .invalidLogin: "ログインIDは3〜64文字の半角英小文字・数字と記号「. _ - @」で入力してください。"
        case .loginTaken: "このログインIDは既に使われています。別のログインIDにしてください。"
        case .weakPassword(let problem): problem.messageJa
        case .registrationUnavailable: "この利用登録ではサインアップできません。窓口にお問い合わせください。"
        }
    }

    public var messageEn: String {
        switch self {
        case .invalidCode: "The sign-up code is not correct or has expired. Please ask the front desk for a new code."
        case .throttled(let seconds):
            "Sign-up is paused after repeated wrong codes. Please try again in \(SignInRefusal.waitEn(seconds))."
        case .invalidLogin: "A login is 3 to 64 of the small letters a–z, digits and the signs . _ - @."
        case .loginTaken: "This login is taken. Please choose another one."
        case .weakPassword(let problem): problem.messageEn
        case .registrationUnavailable: "This registration cannot sign up. Please ask the front desk."
        }
    }
}

/// Why staff could not issue a sign-up code.
public enum SignUpCodeError: Error, Sendable, Equatable {
    case registrationNotFound(Int64)
    case registrationErased(Int64)

    public var code: String {
        switch self {
        case .registrationNotFound: "registration_not_found"
        case .registrationErased: "registration_already_erased"
        }
    }

    public var messageJa: String {
        switch self {
        case .registrationNotFound(let id): "利用登録番号\(id)の登録はありません。"
        case .registrationErased(let id): "利用登録番号\(id)の個人情報は消去済みのため、コードを発行できません。"
        }
    }

    public var messageEn: String {
        switch self {
        case .registrationNotFound(let id): "No registration has id \(id)."
        case .registrationErased(let id): "Registration \(id) has been erased; no code can be issued for it."
        }
    }
}
