import CenterDomain
import CenterService
import HTML

/// The frame of every page: a skip link, the center's name, the language
/// switch and, when signed in, who it is and the sign-out buttons; the page's
/// own content in `main`; a footer. One column on a 360-px phone, a wider
/// measure on a desk PC, and a print style that keeps only the content.
enum Layout {
    /// `switchPath` is where the language switch leads: the page itself
    /// for a GET, the form's page after a POST.
    static func page(_ title: String, context: PageContext, switchPath: String,
                     @HTMLBuilder main: () -> [Node]) -> Document {
        let words = context.words
        let other: Language = context.language == .ja ? .en : .ja
        return Document(language: context.language.rawValue, title: title + " | " + words[.centerName]) {
            el(.meta, Attribute(.name, "viewport"), Attribute(.content, "width=device-width, initial-scale=1"))
            el(.link, .rel("stylesheet"), .href(StyleSheet.url))
        } body: {
            el(.a, .class("skip"), .href("#main")) { words[.skipToContent] }
            el(.header, .class("site")) {
                el(.div, .class("bar")) {
                    el(.a, .class("brand"), .href("/")) { words[.centerName] }
                    el(.a, .class("language"), .href(context.switchURL(switchPath, to: other)),
                       .lang(other.rawValue), Attribute(.hreflang, other.rawValue)) { words[.otherLanguageName] }
                }
                if let signedIn = context.signedIn { account(signedIn, words: words) }
            }
            if let signedIn = context.signedIn { navigation(signedIn.role, words: words) }
            el(.main, .id("main")) { main() }
            el(.footer, .class("site")) {
                el(.p) { words[.footerText] }
            }
        }
    }

    /// Who is signed in, and the sign-out button (a form: it changes
    /// state). Signing out everywhere is on the home page, with a word on
    /// when to use it (`signOutEverywhere`).
    static func account(_ signedIn: SignedIn, words: Words) -> Node {
        el(.div, .class("account")) {
            el(.p, .class("who")) {
                words[.signedInAs]
                el(.strong) { signedIn.login }
                el(.span, .class("role")) { "（\(words.role(signedIn.role))）" }
            }
            el(.form, .method("post"), .action("/signout"), .class("inline")) {
                Forms.token(signedIn.formToken)
                el(.button, .type("submit"), .class("secondary")) { words[.signOut] }
            }
        }
    }

    /// The pages of the role, on every page of a signed-in person.
    static func navigation(_ role: Role, words: Words) -> Node {
        let links: [(String, String)] = switch role {
        case .staff, .admin:
            [("/", words("窓口トップ", "Front desk")), ("/desk/today", words("本日の予約表", "Today's sheet")),
             ("/desk/registrations", words("利用登録", "Registrations")), ("/desk/book", words("部屋の予約", "Book a room")),
             ("/desk/closures", words("休館日", "Closures")), ("/lottery", words("抽選", "Lottery"))]
        case .planner:
            [("/", words("ロードマップ", "Roadmap")), ("/planner/closures", words("部屋ごとの休館", "Closures by room")),
             ("/planner/managers", words("指定管理者", "Designated managers"))]
        case .member:
            // What a member may do depends on the registration (desks for
            // freelancers, lotteries and the waiting list for groups): マイページ offers it.
            [("/", words("マイページ", "My page"))]
        }
        return el(.nav, .class("site"), .aria("label", words("メニュー", "Menu"))) {
            el(.ul) { for (href, label) in links { el(.li) { el(.a, .href(SafeURL(href))) { label } } } }
        }
    }

    /// すべての端末からサインアウト: a section of each home page.
    static func signOutEverywhere(_ signedIn: SignedIn, words: Words) -> Node {
        el(.section, .class("aside"), .aria("labelledby", "other-devices")) {
            el(.h2, .id("other-devices")) { words[.otherDevices] }
            el(.p) { words[.otherDevicesText] }
            el(.form, .method("post"), .action("/signout-everywhere")) {
                Forms.token(signedIn.formToken)
                el(.button, .type("submit"), .class("secondary")) { words[.signOutEverywhere] }
            }
        }
    }

    /// A notice above the content: `status` for news, `alert` for a problem.
    static func notice(_ text: String) -> Node {
        el(.div, .class("notice"), Attribute(.role, "status")) { el(.p) { text } }
    }
}
