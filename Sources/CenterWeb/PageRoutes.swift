import CenterDomain
import CenterService
import HTML
import HTTPServer

/// The page handlers. Each builds its `PageContext` (language, session),
/// checks a form's token and origin before anything changes, and answers
/// with a page or a 303 redirect. A failure of the service below is logged
/// with the request id and answered with a plain 500 page.
enum PageRoutes {
    static func answer(_ method: HTTPMethod, _ path: String, request: HTTPRequest, site: WebSite) async -> HTTPResponse {
        if path == StyleSheet.path { return styleSheet(behindTLS: site.settings.behindTLS) }
        return await CenterService.withRequestID(request.requestID) {
            do {
                let context = try await PageContext.make(request, site: site)
                // The front desk's pages of a registration and a member's own share their handlers.
                let staff = path.hasPrefix("/desk/")
                switch (method, path) {
                case (.GET, "/"): return try await home(context)
                case (.GET, "/signin"): return signInForm(context)
                case (.POST, "/signin"): return try await signIn(context)
                case (.GET, "/signup"): return signUpForm(context)
                case (.POST, "/signup"): return try await signUp(context)
                case (.POST, "/signout"): return try await signOut(context, everywhere: false)
                case (.POST, "/signout-everywhere"): return try await signOut(context, everywhere: true)
                case (.POST, "/desk/signup-codes"): return try await issueCode(context)
                case (.GET, "/desk/today"): return try await DeskTodayPage.get(context)
                case (.POST, "/desk/bookings/{id}/check-in"): return try await DeskTodayPage.act(context, .checkIn)
                case (.POST, "/desk/bookings/{id}/no-show"): return try await DeskTodayPage.act(context, .noShow)
                case (.POST, "/desk/passes/{id}/check-in"): return try await DeskTodayPage.act(context, .passCheckIn)
                case (.POST, "/desk/bookings/{id}/payments"): return try await DeskBookingPage.takePayment(context)
                case (.POST, "/desk/bookings/{id}/receipts"): return try await DeskBookingPage.issueReceipt(context)
                case (.POST, "/desk/bookings/{id}/refund-payouts"): return try await DeskBookingPage.payOut(context)
                case (.GET, "/desk/receipts/{number}"): return try await DeskReceiptPage.get(context)
                case (.POST, "/desk/receipts/{number}/reissue"): return try await DeskReceiptPage.reissue(context)
                case (.GET, "/desk/registrations"): return try await DeskRegistrationPages.search(context)
                case (.GET, "/desk/registrations/new"): return DeskRegistrationPages.newForm(context)
                case (.POST, "/desk/registrations"): return try await DeskRegistrationPages.create(context)
                case (.GET, "/desk/registrations/{id}"): return try await DeskRegistrationPages.detail(context)
                case (.POST, "/desk/registrations/{id}/renew"): return try await DeskRegistrationPages.renew(context)
                case (.GET, "/desk/book"): return try await DeskBookingPages.grid(context)
                case (.POST, "/desk/book/check"): return try await DeskBookingPages.check(context)
                case (.POST, "/desk/book/confirm"): return try await DeskBookingPages.confirm(context)
                case (.GET, "/desk/bookings/{id}"): return try await DeskBookingPage.detail(context)
                case (.POST, "/desk/bookings/{id}/cancel"): return try await DeskBookingPage.cancel(context)
                case (.GET, "/desk/closures"): return try await ClosuresPage.get(context)
                case (.POST, "/desk/closures/check"): return try await ClosuresPage.check(context)
                case (.POST, "/desk/closures"): return try await ClosuresPage.declare(context)
                case (.POST, "/desk/closures/{id}/lift"): return try await ClosuresPage.lift(context)
                case (.GET, "/desk/series/new"): return SeriesPages.newForm(context)
                case (.POST, "/desk/series"): return try await SeriesPages.create(context)
                case (.GET, "/desk/series/{id}"): return try await SeriesPages.detail(context)
                case (.POST, "/desk/series/{id}/continue"): return try await SeriesPages.continueSeries(context)
                case (.POST, "/desk/series/{id}/cancel"): return try await SeriesPages.cancel(context)
                case (.GET, "/desk/lottery"), (.GET, "/my/lottery"): return try await LotteryPages.entries(context, staff: staff)
                case (.POST, "/desk/lottery"), (.POST, "/my/lottery"): return try await LotteryPages.enter(context, staff: staff)
                case (.POST, "/desk/lottery/{id}/withdraw"), (.POST, "/my/lottery/{id}/withdraw"):
                    return try await LotteryPages.withdraw(context, staff: staff)
                case (.GET, "/desk/waiting"), (.GET, "/my/waiting"): return try await WaitingListPages.entries(context, staff: staff)
                case (.POST, "/desk/waiting"), (.POST, "/my/waiting"): return try await WaitingListPages.join(context, staff: staff)
                case (.POST, "/desk/waiting/{id}/accept"), (.POST, "/my/waiting/{id}/accept"):
                    return try await WaitingListPages.step(context, .accept, staff: staff)
                case (.POST, "/desk/waiting/{id}/decline"), (.POST, "/my/waiting/{id}/decline"):
                    return try await WaitingListPages.step(context, .decline, staff: staff)
                case (.POST, "/desk/waiting/{id}/withdraw"), (.POST, "/my/waiting/{id}/withdraw"):
                    return try await WaitingListPages.step(context, .withdraw, staff: staff)
                case (.POST, "/my/calendar-url"): return try await MemberCalendarPage.mint(context)
                case (.POST, "/my/calendar-url/revoke"): return try await MemberCalendarPage.revoke(context)
                case (.GET, "/lottery"): return try await LotteryPages.index(context)
                case (.GET, "/lottery/{round}/{month}"): return try await LotteryPages.month(context)
                case (.GET, "/my/desks"): return try await MemberPages.desks(context)
                case (.POST, "/my/desks"): return try await MemberPages.book(context)
                case (.POST, "/my/passes/{id}/cancel"): return try await MemberPages.cancel(context)
                case (.POST, "/my/passes/{id}/check-in"): return try await MemberPages.checkIn(context)
                case (.GET, "/planner/gantt.svg"): return PlannerPages.gantt(context)
                case (.GET, "/planner/closures"): return PlannerPages.closures(context)
                case (.GET, "/planner/managers"): return PlannerPages.managers(context)
                case (.GET, "/planner/items/{id}"): return PlannerPages.editForm(context)
                case (.POST, "/planner/items/{id}/dry-run"): return try await PlannerPages.change(context, apply: false)
                case (.POST, "/planner/items/{id}/apply"): return try await PlannerPages.change(context, apply: true)
                default: return HTTPResponse(status: .notFound)
                }
            } catch {
                site.service.log.error("page failed", [("request_id", request.requestID), ("route", path)]
                                       + ServiceLog.cause(of: error))
                var response = HTTPResponse(status: .internalServerError, headers: ["content-type": "text/plain; charset=utf-8"],
                                            body: Array("500 内部エラー / Internal error (\(request.requestID))\n".utf8))
                PageResponse.secure(&response, behindTLS: site.settings.behindTLS)
                return response
            }
        }
    }

    static func styleSheet(behindTLS: Bool) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, headers: ["content-type": "text/css; charset=utf-8",
                                                           "cache-control": "public, max-age=31536000, immutable"],
                                    body: StyleSheet.bytes)
        PageResponse.secure(&response, behindTLS: behindTLS)
        return response
    }

    // MARK: Home

    static func home(_ context: PageContext) async throws -> HTTPResponse {
        guard let signedIn = context.signedIn else {
            return PageResponse.redirect(to: context.sessionEnded ? "/signin?done=ended" : "/signin", context: context)
        }
        switch signedIn.role {
        case .admin, .staff:
            let key = try await context.site.service.desks.boardDisplayKey()
            return PageResponse.html(HomePages.desk(context: context, signedIn: signedIn, boardKey: key), context: context)
        case .planner:
            return PlannerPages.home(context, signedIn: signedIn)
        case .member:
            return try await MemberPages.home(context, signedIn: signedIn)
        }
    }

    // MARK: Sign-in

    /// The anonymous form token: the browser's, or a new one it is given.
    static func anonymousToken(_ context: PageContext) -> (String, [SetCookie]) {
        if let token = context.cookies[context.site.formCookie], token.utf8.count == 32,
           token.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
            return (token, [])
        }
        let token = FormGuard.newAnonymousToken()
        return (token, [context.site.cookie(context.site.formCookie, token)])
    }

    static func signInForm(_ context: PageContext) -> HTTPResponse {
        if context.signedIn != nil { return PageResponse.redirect(to: "/", context: context) }
        let (token, cookies) = anonymousToken(context)
        let notice: String? = switch context.request.queryValue("done") {
        case "signed-out": context.words[.signedOut]
        case "everywhere": context.words[.signedOutEverywhere]
        case "ended": context.words[.sessionEnded]
        default: context.sessionEnded ? context.words[.sessionEnded] : nil
        }
        return PageResponse.html(SignInPage.render(context: context, formToken: token, notice: notice),
                                 context: context, cookies: cookies)
    }

    static func signIn(_ context: PageContext) async throws -> HTTPResponse {
        let words = context.words
        guard let form = FormBody(context.request.body) else { return unreadable(context) }
        if let refusal = FormGuard.checkAnonymous(form, context: context) { return refused(context, refusal) }
        let (token, _) = anonymousToken(context)
        let login = form["login"] ?? ""
        let password = form["password"] ?? ""
        var errors = SignInPage.Errors()
        if login.trimmingCharacters(in: .whitespaces).isEmpty { errors.login = words[.missingLogin] }
        if password.isEmpty { errors.password = words[.missingPassword] }
        guard errors.list.isEmpty else {
            return PageResponse.html(SignInPage.render(context: context, formToken: token, login: login, errors: errors),
                                     status: .unprocessableContent, context: context)
        }
        do {
            let session = try await context.site.signIn.signIn(login: login, password: password, address: context.clientAddress)
            return signedIn(session, context: context)
        } catch .refused(let refusal) {
            errors.password = words.refusal(refusal)
            var response = PageResponse.html(SignInPage.render(context: context, formToken: token, login: login, errors: errors),
                                             status: PageResponse.status(of: refusal), context: context)
            if let wait = refusal.details["retry_after"] { response.headers.set("retry-after", wait) }
            return response
        } catch .failed(let failure) {
            throw failure
        }
    }

    /// A new session: its cookie (for a member's phone kept for the
    /// session's lifetime, for staff only until the browser closes), the
    /// anonymous form cookie removed, and on to the home page.
    static func signedIn(_ session: NewSession, context: PageContext) -> HTTPResponse {
        let site = context.site
        let lifetime = session.signedIn.role == .member ? SessionPolicy.member.lifetimeSeconds : nil
        return PageResponse.redirect(to: "/", context: context, cookies: [
            site.cookie(site.sessionCookie, session.token.secret, maxAge: lifetime),
            site.cookie(site.formCookie, "", maxAge: 0),
        ])
    }

    // MARK: Sign-up

    static func signUpForm(_ context: PageContext) -> HTTPResponse {
        let (token, cookies) = anonymousToken(context)
        return PageResponse.html(SignUpPage.render(context: context, formToken: token), context: context, cookies: cookies)
    }

    static func signUp(_ context: PageContext) async throws -> HTTPResponse {
        let words = context.words
        guard let form = FormBody(context.request.body) else { return unreadable(context) }
        if let refusal = FormGuard.checkAnonymous(form, context: context) { return refused(context, refusal) }
        let (token, _) = anonymousToken(context)
        let values = SignUpPage.Values(code: form["code"] ?? "", login: form["login"] ?? "")
        let password = form["password"] ?? ""
        var errors = SignUpPage.Errors()
        if values.code.trimmingCharacters(in: .whitespaces).isEmpty { errors.code = words[.missingCode] }
        if values.login.trimmingCharacters(in: .whitespaces).isEmpty { errors.login = words[.missingLogin] }
        if password.isEmpty { errors.password = words[.missingPassword] }
        if !password.isEmpty && password != (form["password_again"] ?? "") { errors.passwordAgain = words[.passwordMismatch] }
        var status = HTTPStatus.unprocessableContent
        if errors.isEmpty {
            do {
                let session = try await context.site.signIn.signUp(code: values.code, login: values.login, password: password,
                                                                   address: context.clientAddress)
                return signedIn(session, context: context)
            } catch .refused(let refusal) {
                status = PageResponse.status(of: refusal)
                switch refusal.code.leaf {
                case is LoginCode: errors.login = words.refusal(refusal)
                case is PasswordPolicy.Code: errors.password = words.refusal(refusal)
                default: errors.code = words.refusal(refusal)
                }
            } catch .failed(let failure) {
                throw failure
            }
        }
        return PageResponse.html(SignUpPage.render(context: context, formToken: token, values: values, errors: errors),
                                 status: status, context: context)
    }

    // MARK: Signed in

    /// The signed-in person and their checked form, or the response that
    /// refuses the request: to the sign-in page when the session is over,
    /// 403 for a bad token or another origin, or a role not in `roles`.
    static func signedInForm(_ context: PageContext, roles: Set<Role> = Set(Role.allCases))
        -> Result<(SignedIn, FormBody), Refused> {
        guard let signedIn = context.signedIn else {
            return .failure(Refused(response: PageResponse.redirect(to: "/signin?done=ended", context: context)))
        }
        guard let form = FormBody(context.request.body) else { return .failure(Refused(response: unreadable(context))) }
        if let refusal = FormGuard.checkSignedIn(form, signedIn, context: context) {
            return .failure(Refused(response: refused(context, refusal)))
        }
        guard roles.contains(signedIn.role) else { return .failure(Refused(response: refused(context, .badToken))) }
        return .success((signedIn, form))
    }

    struct Refused: Error {
        let response: HTTPResponse
    }

    static func signOut(_ context: PageContext, everywhere: Bool) async throws -> HTTPResponse {
        switch signedInForm(context) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _)):
            if everywhere {
                try await context.site.signIn.signOutEverywhere(signedIn)
            } else {
                try await context.site.signIn.signOut(signedIn)
            }
            return PageResponse.redirect(to: everywhere ? "/signin?done=everywhere" : "/signin?done=signed-out",
                                         context: context, cookies: [context.site.cookie(context.site.sessionCookie, "", maxAge: 0)])
        }
    }

    static func issueCode(_ context: PageContext) async throws -> HTTPResponse {
        switch signedInForm(context, roles: [.admin, .staff]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form)):
            let typed = (form["registration"] ?? "").trimmingCharacters(in: .whitespaces)
            let digits = typed.applyingHalfWidthDigits
            guard let id = Int64(digits), id > 0, digits.count <= 12 else {
                return PageResponse.html(HomePages.desk(context: context, signedIn: signedIn, registrationNumber: typed,
                                                        error: context.words[.invalidRegistrationNumber]),
                                         status: .unprocessableContent, context: context)
            }
            do {
                let issued = try await context.site.signIn.issueSignUpCode(registration: id, by: signedIn.actor)
                let record = try? await context.site.service.registrations.registration(id: id, for: signedIn.actor)
                return PageResponse.html(SignUpSlipPage.render(context: context, issued: issued, registration: record), context: context)
            } catch .refused(let refusal) {
                return PageResponse.html(HomePages.desk(context: context, signedIn: signedIn, registrationNumber: typed,
                                                        error: context.words.refusal(refusal)),
                                         status: PageResponse.status(of: refusal), context: context)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    // MARK: Refusals

    static func refused(_ context: PageContext, _ refusal: FormGuard.Refusal) -> HTTPResponse {
        PageResponse.html(RefusedPage.render(context: context, refusal: refusal), status: .forbidden, context: context)
    }

    static func unreadable(_ context: PageContext) -> HTTPResponse {
        let words = context.words
        let document = Layout.page(words[.refusedTitle], context: context, switchPath: "/") {
            el(.h1) { words[.refusedTitle] }
            el(.p) { words[.unreadableForm] }
            el(.p) { el(.a, .href("/")) { words[.backToTop] } }
        }
        return PageResponse.html(document, status: .badRequest, context: context)
    }
}

extension String {
    /// Full-width digits (０-９), as a Japanese keyboard may type them, as ASCII.
    var applyingHalfWidthDigits: String {
        String(unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) ? Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? scalar) : Character(scalar)
        })
    }
}
