import CalendarValues
import Store

/// People's sign-in to the pages (docs/SECURITY.md): staff, planner and
/// admin accounts with passwords, members' sign-up codes, sessions with
/// their timeouts, and the throttling of failed attempts. The JSON API's
/// bearer tokens are separate and unchanged. One instance per process,
/// beside the `CenterService` it runs over.
public final class SignInService: Sendable {
    public let service: CenterService
    public let settings: SignInSettings
    let hasher: PasswordHasher
    let throttle = SignInThrottle()

    public init(service: CenterService, settings: SignInSettings) {
        self.service = service
        self.settings = settings
        hasher = PasswordHasher(iterations: settings.passwordIterations)
    }

    var pool: DatabasePool { service.pool }
    var now: Instant { service.clock.now() }
}
