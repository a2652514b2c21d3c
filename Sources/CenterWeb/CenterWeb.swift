import CenterService
import HTTPServer

/// The center's pages, server-rendered HTML beside the JSON API on the same
/// router (docs/SECURITY.md): `GET /` (the sign-in page, or the home of the
/// signed-in person's role), `/signin`, `/signup`, `/signout`,
/// `/signout-everywhere`, the front desk's `/desk/signup-codes`, and the
/// style sheet. Japanese first, English with `?lang=en`; no script; strict
/// security headers on every page.
public enum CenterWeb {
    /// Every page route, as method and path.
    public static let routes: [(method: HTTPMethod, path: String)] = [
        (.GET, "/"), (.GET, "/signin"), (.POST, "/signin"), (.GET, "/signup"), (.POST, "/signup"),
        (.POST, "/signout"), (.POST, "/signout-everywhere"), (.POST, "/desk/signup-codes"), (.GET, StyleSheet.path),
    ]

    /// Adds the pages to `router` (the API's), over `service`; throws
    /// `RouteError` when a path is taken already.
    public static func mount(on router: inout Router, service: CenterService) throws(RouteError) {
        let site = WebSite(service: service)
        for (method, path) in routes {
            try router.add(method, path) { request in await PageRoutes.answer(method, path, request: request, site: site) }
        }
    }
}
