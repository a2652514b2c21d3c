import CenterDomain
import CenterService

/// Cross-site request forgery (docs/SECURITY.md "Forms"): every form of a
/// page carries a token that only a page we served to this browser holds,
/// and a state-changing request must come from our own origin.
/// - Signed in, the token is the session's (`SessionToken.formToken`): a
///   synchronizer token derived from the session's secret, which another
///   site can neither read nor guess.
/// - Before signing in (the sign-in and sign-up forms), the token is a
///   random value the page also set as an `HttpOnly`, `SameSite=Lax` cookie
///   (double submit), which stops "login CSRF" (signing a victim in as
///   the attacker).
/// - `Origin`, or `Referer` when a browser sends no `Origin`, must be this
///   site; a request with neither is judged by its token alone.
enum FormGuard {
    /// Why a form was refused.
    enum Refusal: Error {
        case otherOrigin
        case badToken
        /// The browser kept no form cookie: cookies are off.
        case noCookie
    }

    static func newAnonymousToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    static func checkAnonymous(_ form: FormBody, context: PageContext) -> Refusal? {
        guard sameOrigin(context) else { return .otherOrigin }
        guard let cookie = context.cookies[context.site.formCookie], cookie.utf8.count == 32 else { return .noCookie }
        guard let sent = form["form_token"], ConstantTime.equal(Array(sent.utf8), Array(cookie.utf8)) else { return .badToken }
        return nil
    }

    static func checkSignedIn(_ form: FormBody, _ signedIn: SignedIn, context: PageContext) -> Refusal? {
        guard sameOrigin(context) else { return .otherOrigin }
        guard let sent = form["form_token"], signedIn.token.acceptsFormToken(sent) else { return .badToken }
        return nil
    }

    static func sameOrigin(_ context: PageContext) -> Bool {
        let origin = context.origin.lowercased()
        if let sent = context.request.headers["origin"] { return sent.lowercased() == origin }
        if let referer = context.request.headers["referer"] {
            let lowered = referer.lowercased()
            return lowered == origin || lowered.hasPrefix(origin + "/") || lowered.hasPrefix(origin + "?")
        }
        return true
    }
}
