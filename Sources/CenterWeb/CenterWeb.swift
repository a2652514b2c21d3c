import CenterService
import HTTPServer

/// The center's pages, server-rendered HTML beside the JSON API on the same
/// router (docs/SECURITY.md): `GET /` (the sign-in page, or the home of the
/// signed-in person's role), `/signin`, `/signup`, `/signout`,
/// `/signout-everywhere`, the style sheet, the front desk's `/desk/…`
/// (today's sheet, registrations, booking a room or a series, payments and
/// receipts, lottery entries, the waiting list, closures), the member's
/// `/my/…` (desks, passes, checking in, the calendar address, lottery
/// entries, the waiting list), the public lottery pages `/lottery…` and the
/// planner's `/planner/…`. Japanese first, English with `?lang=en`; no
/// script; strict security headers on every page.
public enum CenterWeb {
    /// Every page route, as method and path.
    public static let routes: [(method: HTTPMethod, path: String)] = [
        (.GET, "/"), (.GET, "/signin"), (.POST, "/signin"), (.GET, "/signup"), (.POST, "/signup"),
        (.POST, "/signout"), (.POST, "/signout-everywhere"), (.POST, "/desk/signup-codes"), (.GET, StyleSheet.path),
        (.GET, "/desk/today"), (.POST, "/desk/bookings/{id}/check-in"), (.POST, "/desk/bookings/{id}/no-show"),
        (.POST, "/desk/passes/{id}/check-in"), (.POST, "/desk/bookings/{id}/payments"), (.POST, "/desk/bookings/{id}/receipts"),
        (.POST, "/desk/bookings/{id}/refund-payouts"), (.GET, "/desk/receipts/{number}"), (.POST, "/desk/receipts/{number}/reissue"),
        (.GET, "/desk/registrations"), (.GET, "/desk/registrations/new"), (.POST, "/desk/registrations"),
        (.GET, "/desk/registrations/{id}"), (.POST, "/desk/registrations/{id}/renew"),
        (.GET, "/desk/book"), (.POST, "/desk/book/check"), (.POST, "/desk/book/confirm"),
        (.GET, "/desk/bookings/{id}"), (.POST, "/desk/bookings/{id}/cancel"), (.GET, "/desk/closures"),
        (.POST, "/desk/closures/check"), (.POST, "/desk/closures"), (.POST, "/desk/closures/{id}/lift"),
        (.GET, "/desk/series/new"), (.POST, "/desk/series"), (.GET, "/desk/series/{id}"), (.POST, "/desk/series/{id}/continue"),
        (.POST, "/desk/series/{id}/cancel"),
        (.GET, "/desk/lottery"), (.POST, "/desk/lottery"), (.POST, "/desk/lottery/{id}/withdraw"),
        (.GET, "/desk/waiting"), (.POST, "/desk/waiting"), (.POST, "/desk/waiting/{id}/accept"), (.POST, "/desk/waiting/{id}/decline"),
        (.POST, "/desk/waiting/{id}/withdraw"),
        (.GET, "/my/desks"), (.POST, "/my/desks"), (.POST, "/my/passes/{id}/cancel"), (.POST, "/my/passes/{id}/check-in"),
        (.POST, "/my/calendar-url"), (.POST, "/my/calendar-url/revoke"),
        (.GET, "/my/lottery"), (.POST, "/my/lottery"), (.POST, "/my/lottery/{id}/withdraw"),
        (.GET, "/my/waiting"), (.POST, "/my/waiting"), (.POST, "/my/waiting/{id}/accept"), (.POST, "/my/waiting/{id}/decline"),
        (.POST, "/my/waiting/{id}/withdraw"),
        (.GET, "/lottery"), (.GET, "/lottery/{round}/{month}"),
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
