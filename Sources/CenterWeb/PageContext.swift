import CenterDomain
import CenterService
import HTML
import HTTPServer

/// One page request as the handlers see it: the reader's language, who is
/// signed in (nil when nobody is, or the session has ended), the client's
/// address and the cookies.
struct PageContext: Sendable {
    let request: HTTPRequest
    let site: WebSite
    let language: Language
    /// The reader chose a language with `?lang=`: remember it in a cookie.
    let languageChosen: Bool
    let signedIn: SignedIn?
    /// The browser sent a session cookie whose session is over.
    let sessionEnded: Bool
    let cookies: Cookies

    var words: Words { Words(language: language, names: site.names) }

    static func make(_ request: HTTPRequest, site: WebSite) async throws -> PageContext {
        let cookies = Cookies(headers: request.headers.values("cookie"))
        let chosen = request.queryValue("lang").flatMap(Language.init(rawValue:))
        let language = chosen ?? cookies[site.languageCookie].flatMap(Language.init(rawValue:)) ?? .ja
        var signedIn: SignedIn?
        var ended = false
        if let text = cookies[site.sessionCookie], let token = SessionToken(cookie: text) {
            signedIn = try await site.signIn.session(token)
            ended = signedIn == nil
        }
        return PageContext(request: request, site: site, language: language, languageChosen: chosen != nil,
                           signedIn: signedIn, sessionEnded: ended, cookies: cookies)
    }

    /// The client's address: the connection's peer, or behind a TLS proxy
    /// on this machine the address the proxy appended to `X-Forwarded-For`
    /// (the last one: those before it are the client's own say).
    var clientAddress: String {
        let peer = request.peerAddress
        guard site.settings.behindTLS, peer.hasPrefix("127."),
              let forwarded = request.headers.values("x-forwarded-for").last?.split(separator: ",").last else { return peer.isEmpty ? "unknown" : peer }
        let address = forwarded.trimmingCharacters(in: .whitespaces)
        let valid = !address.isEmpty && address.count <= 45 && address.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
        return valid ? address : peer
    }

    /// `path` in the other language: the page's own query kept, `lang` set.
    func switchURL(_ path: String, to language: Language) -> SafeURL {
        let kept = path == request.pathSegments.reduce("", { $0 + "/" + $1 }).ifEmpty("/")
            ? request.query.filter { $0.name != "lang" }.map { ($0.name, $0.value) } : []
        return SafeURL.path(path, query: kept + [("lang", language.rawValue)])
    }

    /// The site's own origin, as a browser names it in `Origin`.
    var origin: String {
        (site.settings.behindTLS ? "https://" : "http://") + (request.headers["host"] ?? "")
    }
}

extension String {
    /// The text, or `other` when it is empty.
    func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
