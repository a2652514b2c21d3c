import CenterService
import HTTPServer

// The statuses of people's sign-in and the lobby check-in code
// (docs/SECURITY.md): the pages answer a
// refused form with these too, so a refusal has one status on both surfaces.

extension SignInCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .signInFailed: .unprocessableContent
        case .signInThrottled: .tooManyRequests
        }
    }
}

extension SignUpAttemptCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .invalidSignupCode: .unprocessableContent
        case .signupThrottled: .tooManyRequests
        case .registrationUnavailable: .conflict
        }
    }
}

extension LoginCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .invalidLogin: .unprocessableContent
        case .loginTaken: .conflict
        }
    }
}

extension PasswordPolicy.Code: APIErrorCode {
    public var status: HTTPStatus { .unprocessableContent }
}

extension AccountCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .accountNotFound: .notFound
        case .memberAccountBySignup: .unprocessableContent
        }
    }
}

extension LobbyCodeCode: APIErrorCode {
    public var status: HTTPStatus {
        switch self {
        case .lobbyCodeWrong: .unprocessableContent
        case .lobbyCodeThrottled: .tooManyRequests
        }
    }
}
