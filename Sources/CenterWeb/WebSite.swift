import CenterAPI
import CenterService

/// What every page handler shares: the service, its sign-in settings, and
/// the names of the cookies the pages set.
final class WebSite: Sendable {
    let service: CenterService
    let settings: SignInSettings
    /// The Japanese names of facilities and divisions that refusals name, as the API has them.
    let names: [String: String]

    init(service: CenterService) {
        self.service = service
        settings = service.signIn.signInSettings
        names = APIResponse.names(of: service.settings.center)
    }

    var signIn: SignIn { service.signIn }

    /// Behind TLS the cookies carry the `__Host-` prefix (RFC 6265bis
    /// §4.1.3.2): the browser then refuses them unless `Secure`, `Path=/`
    /// and without a `Domain`, so no other site or subdomain can set them.
    var sessionCookie: String { settings.behindTLS ? "__Host-nc_session" : "nc_session" }
    var formCookie: String { settings.behindTLS ? "__Host-nc_form" : "nc_form" }
    let languageCookie = "nc_lang"

    func cookie(_ name: String, _ value: String, maxAge: Int64? = nil) -> SetCookie {
        SetCookie(name: name, value: value, maxAge: maxAge, secure: settings.behindTLS)
    }
}
