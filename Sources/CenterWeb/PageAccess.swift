import CenterDomain
import CenterService
import HTML
import HTTPServer

extension PageRoutes {
    /// The signed-in person a page of `roles` is for, or the answer instead:
    /// to the sign-in page when nobody is signed in, 403 for another role.
    static func viewer(_ context: PageContext, _ roles: Set<Role>) -> Result<SignedIn, Refused> {
        guard let signedIn = context.signedIn else {
            return .failure(Refused(response: PageResponse.redirect(to: context.sessionEnded ? "/signin?done=ended" : "/signin",
                                                                    context: context)))
        }
        guard roles.contains(signedIn.role) else {
            let words = context.words
            let document = Layout.page(words("このページは開けません", "You cannot open this page"), context: context,
                                       switchPath: "/") {
                el(.h1) { words("このページは開けません", "You cannot open this page") }
                el(.p) { words("このページは、ほかの役割の方のページです。", "This page is for another role.") }
                el(.p) { el(.a, .href("/")) { words[.backToTop] } }
            }
            return .failure(Refused(response: PageResponse.html(document, status: .forbidden, context: context)))
        }
        return .success(signedIn)
    }

    /// A checked form of `roles` posted to a path with an `{id}`: the person,
    /// the form and the id, or the answer instead (as `signedInForm`; 404
    /// for a path whose id is not one).
    static func formWithID(_ context: PageContext, roles: Set<Role>) -> Result<(SignedIn, FormBody, Int64), Refused> {
        signedInForm(context, roles: roles).flatMap { signedIn, form in
            guard let id = id(context) else { return .failure(Refused(response: notFound(context))) }
            return .success((signedIn, form, id))
        }
    }

    /// The page of a refusal the service gave: its words (the API's), its status.
    static func refusalPage(_ refusal: any AnyRefusal, context: PageContext, back: String) -> HTTPResponse {
        let words = context.words
        let title = words("受け付けられませんでした", "This was not accepted")
        let document = Layout.page(title, context: context, switchPath: back) {
            el(.h1) { title }
            PageKit.notice(words.refusal(refusal), alert: true)
            el(.p) { el(.a, .href(SafeURL(back))) { words("前のページに戻る", "Back") } }
        }
        return PageResponse.html(document, status: PageResponse.status(of: refusal), context: context)
    }

    /// A page that does not exist, or a thing the id names none of.
    static func notFound(_ context: PageContext) -> HTTPResponse {
        let words = context.words
        let title = words("ページが見つかりません", "Page not found")
        let document = Layout.page(title, context: context, switchPath: "/") {
            el(.h1) { title }
            el(.p) { words("アドレスを確かめるか、トップページから開き直してください。", "Check the address, or start again from the top page.") }
            el(.p) { el(.a, .href("/")) { words[.backToTop] } }
        }
        return PageResponse.html(document, status: .notFound, context: context)
    }

    /// The id in the path, nil when it is not one.
    static func id(_ context: PageContext) -> Int64? {
        let text = context.request.pathParameters["id"] ?? ""
        guard text.utf8.count <= 12, let id = Int64(text), id > 0 else { return nil }
        return id
    }
}
