import CenterService
import HTTPServer

/// The center's pages, server-rendered HTML beside the JSON API on the same
/// router (docs/SECURITY.md): `GET /` (the sign-in page, or the home of the
/// signed-in person's role), `/signin`, `/signup`, `/signout`,
/// `/signout-everywhere`, the style sheet, the front desk's `/desk/…`
/// (today's sheet, registrations, booking a room, closures), the member's
/// `/my/…` (desks, passes, checking in) and the planner's `/planner/…`. Japanese first, English with `?lang=en`; no script; strict
/// security headers on every page.
public enum CenterWeb {
    /// Every page route, as method and path.
    public static let routes: [(method: HTTPMethod, path: String)] = [
        (.GET, "/"), (.GET, "/signin"), (.POST, "/signin"), (.GET, "/signup"), (.POST, "/signup"),
        (.POST, "/signout"), (.POST, "/signout-everywhere"), (.POST, "/desk/signup-codes"), (.GET, StyleSheet.path),
        (.GET, "/desk/today"), (.POST, "/desk/bookings/{id}/pay"), (.POST, "/desk/bookings/{id}/check-in"),
        (.POST, "/desk/passes/{id}/check-in"),
        (.GET, "/desk/registrations"), (.GET, "/desk/registrations/new"), (.POST, "/desk/registrations"),
        (.GET, "/desk/registrations/{id}"), (.POST, "/desk/registrations/{id}/renew"),
        (.GET, "/desk/book"), (.POST, "/desk/book/check"), (.POST, "/desk/book/confirm"),
        (.GET, "/desk/bookings/{id}"), (.POST, "/desk/bookings/{id}/cancel"), (.GET, "/desk/closures"),
        (.GET, "/my/desks"), (.POST, "/my/desks"), (.POST, "/my/passes/{id}/cancel"), (.POST, "/my/passes/{id}/check-in"),
        (.GET, "/planner/gantt.svg"), (.GET, "/planner/closures"), (.GET, "/planner/managers"),
        (.GET, "/planner/items/{id}"), (.POST, "/planner/items/{id}/dry-run"), (.POST, "/planner/items/{id}/apply"),
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
