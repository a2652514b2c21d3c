import CenterAPI
import CenterDomain
import HTML
import HTTPServer

/// The HTTP side of a page: its status, the strict headers every page
/// carries (docs/SECURITY.md "Pages"), and cookies.
enum PageResponse {
    static let seeOther = HTTPStatus(303, "See Other")

    /// No script, no inline style, no framing, no form posting elsewhere:
    /// the style sheet and images come from this site only.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The status a refusal is answered with: the API's (`ErrorStatus`), so
    /// a refused form and the same refusal from the API agree.
    static func status(of refusal: any AnyRefusal) -> HTTPStatus {
        (refusal.anyCode as? any APIErrorCode)?.status ?? .unprocessableContent
    }

    static func html(_ document: Document, status: HTTPStatus = .ok, context: PageContext, cookies: [SetCookie] = []) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: ["content-type": "text/html; charset=utf-8"],
                                    body: Array(document.render().utf8))
        finish(&response, context: context, cookies: cookies)
        return response
    }

    /// 303 to `location` on this site: what a form's successful POST answers.
    static func redirect(to location: SafeURL, context: PageContext, cookies: [SetCookie] = []) -> HTTPResponse {
        var response = HTTPResponse(status: seeOther, headers: ["location": location.text])
        finish(&response, context: context, cookies: cookies)
        return response
    }

    static func finish(_ response: inout HTTPResponse, context: PageContext, cookies: [SetCookie]) {
        secure(&response, behindTLS: context.site.settings.behindTLS)
        response.headers.set("cache-control", "no-store")
        response.headers.set("vary", "Cookie")
        var cookies = cookies
        if context.languageChosen {
            cookies.append(context.site.cookie(context.site.languageCookie, context.language.rawValue, maxAge: 365 * 86_400))
        }
        if context.sessionEnded && !cookies.contains(where: { $0.name == context.site.sessionCookie }) {
            cookies.append(context.site.cookie(context.site.sessionCookie, "", maxAge: 0))
        }
        for cookie in cookies { response.headers.add("set-cookie", cookie.field) }
    }

    static func secure(_ response: inout HTTPResponse, behindTLS: Bool) {
        response.headers.set("content-security-policy", contentSecurityPolicy)
        response.headers.set("x-content-type-options", "nosniff")
        response.headers.set("referrer-policy", "same-origin")
        response.headers.set("x-frame-options", "DENY")
        response.headers.set("cross-origin-opener-policy", "same-origin")
        response.headers.set("permissions-policy", "camera=(self), microphone=(), geolocation=()")
        if behindTLS { response.headers.set("strict-transport-security", "max-age=31536000") }
    }
}
