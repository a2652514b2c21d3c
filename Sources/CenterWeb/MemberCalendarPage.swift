import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// カレンダー配信 (members): the secret address a calendar app subscribes to
/// (`/feeds/nkf_…/calendar.ics`, `CalendarFeeds`): the member's bookings,
/// desk passes and locker terms. Only its hash is stored, so the address is
/// shown once, when it is made; making a new one stops the old one, and it
/// can be stopped without a new one.
enum MemberCalendarPage {
    /// The section of マイページ: whether an address is live, and the buttons.
    static func section(liveSince: Instant?, signedIn: SignedIn, words: Words) -> Node {
        el(.section, .aria("labelledby", "calendar")) {
            el(.h2, .id("calendar")) { words("カレンダー配信", "Calendar subscription") }
            el(.p) {
                words("予約をスマートフォンやパソコンのカレンダーアプリ（Googleカレンダー、iPhoneのカレンダーなど）に自動で表示できます。配信用のURLを発行して、アプリの「URLで追加」に貼り付けてください。",
                      "Show your bookings in a calendar app (Google Calendar, the iPhone's Calendar…): make the address and add it in the app as a calendar from a URL.")
            }
            if let liveSince {
                el(.p) {
                    words("配信用URLは\(words.dateTime(liveSince))に発行済みです。URLは発行したときだけ表示します。わからなくなったときは、新しく発行してください（前のURLは使えなくなります）。",
                          "An address was made on \(words.dateTime(liveSince)). It is shown only when made; if you lost it, make a new one (the old one stops working).")
                }
            }
            el(.div, .class("actions")) {
                PageKit.button(liveSince == nil ? words("配信用URLを発行する", "Make the address")
                               : words("新しい配信用URLを発行する", "Make a new address"),
                               action: "/my/calendar-url", token: signedIn.formToken, style: "primary")
                if liveSince != nil {
                    PageKit.button(words("配信を止める", "Stop the subscription"), action: "/my/calendar-url/revoke",
                                   token: signedIn.formToken)
                }
            }
        }
    }

    /// `POST /my/calendar-url`: makes the address and shows it, once.
    static func mint(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _)):
            guard let registration = signedIn.actor.registrationID else { return PageRoutes.notFound(context) }
            let minted: MintedFeedToken
            do { minted = try await context.site.service.feeds.mint(registration: registration, by: signedIn.actor) }
            catch .refused(let refusal) { return PageRoutes.refusalPage(refusal, context: context, back: "/") }
            catch .failed(let failure) { throw failure }
            let words = context.words
            let url = context.origin + minted.path
            let title = words("カレンダー配信用のURL", "Your calendar address")
            let document = Layout.page(title, context: context, switchPath: "/") {
                el(.h1) { title }
                PageKit.notice(words("このURLは今だけ表示します。コピーしてカレンダーアプリに追加してください。", "This address is shown only now: copy it into your calendar app."))
                if minted.replaced != nil {
                    el(.p) { words("前に発行したURLは使えなくなりました。", "The address made before no longer works.") }
                }
                el(.div, .class("field")) {
                    el(.label, .for("feed-url")) { words("配信用URL", "Address") }
                    el(.input, .id("feed-url"), .type("url"), .value(url), Attribute(.readonly), .autocomplete("off"),
                       Attribute(.spellcheck, "false"), .class("feed-url"))
                }
                el(.ol, .class("steps")) {
                    el(.li) { words("Googleカレンダー：パソコンで「他のカレンダー」の＋ →「URLで追加」に貼り付けます。", "Google Calendar: on a computer, Other calendars + → From URL, and paste it.") }
                    el(.li) { words("iPhone：「設定」→「カレンダー」→「アカウント」→「アカウントを追加」→「その他」→「照会するカレンダーを追加」に貼り付けます。", "iPhone: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar, and paste it.") }
                }
                el(.p) { words("URLを知っている人は誰でも予定を見られます。人に教えないでください。", "Anyone with the address sees your bookings: keep it to yourself.") }
                el(.p) { el(.a, .href("/")) { words("マイページに戻る", "Back to my page") } }
            }
            return PageResponse.html(document, status: .created, context: context)
        }
    }

    /// `POST /my/calendar-url/revoke`: stops the live address.
    static func revoke(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.signedInForm(context, roles: [.member]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, _)):
            guard let registration = signedIn.actor.registrationID else { return PageRoutes.notFound(context) }
            do {
                _ = try await context.site.service.feeds.revoke(registration: registration, by: signedIn.actor)
                return PageResponse.redirect(to: "/?done=calendar-stopped", context: context)
            } catch .refused(let refusal) {
                return PageRoutes.refusalPage(refusal, context: context, back: "/")
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
