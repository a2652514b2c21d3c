import CalendarValues
import CenterDomain
internal import Store

/// People's sign-in to the pages (docs/SECURITY.md): staff, planner and
/// admin accounts with passwords, members' one-time sign-up codes, sessions
/// with their timeouts, and the throttling of failed attempts. The JSON
/// API's bearer tokens are `Accounts`' and unchanged.
public struct SignIn: AreaService {
    let context: ServiceContext
    /// Derives and checks passwords off the task threads, one at a time.
    let hasher: PasswordHasher
    /// Failed attempts of this process, per login and per address.
    let throttle: SignInThrottle

    init(context: ServiceContext) {
        self.context = context
        hasher = PasswordHasher(iterations: context.settings.signIn.passwordIterations)
        throttle = SignInThrottle()
    }

    /// The `sign_in` settings: TLS, PBKDF2 rounds.
    public var signInSettings: SignInSettings { settings.signIn }

    /// What `signUp` refuses with: the code, then the login, then the password.
    public typealias SignUpRefusal = Refusals<SignUpAttemptCode, LoginCode, PasswordPolicy.Code>
    /// What `createAccount` refuses with.
    public typealias CreateAccountRefusal = Refusals<AccountCode, LoginCode, PasswordPolicy.Code>
    /// What `resetPassword` refuses with.
    public typealias ResetRefusal = Refusals<AccountCode, PasswordPolicy.Code>
    /// What `issueSignUpCode` refuses with.
    public typealias IssueCodeRefusal = Refusals<RegistrationLookupCode, RegistrationErasedCode>
}
