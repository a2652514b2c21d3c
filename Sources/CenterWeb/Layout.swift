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
                    el(.a, .class("language"), .href(SafeURL.path(switchPath, query: [("lang", other.rawValue)])),
                       .lang(other.rawValue), Attribute(.hreflang, other.rawValue)) { words[.otherLanguageName] }
                }
                if let signedIn = context.signedIn { account(signedIn, words: words) }
            }
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
