import HTML

/// サインイン: login and password. A wrong pair is one error, shown under the
/// password field and in the summary, never saying which of the two was wrong.
enum SignInPage {
    struct Errors {
        var login: String?
        var password: String?

        var list: [(field: String, message: String)] {
            [("login", login), ("password", password)].compactMap { field, message in message.map { (field, $0) } }
        }
    }

    static func render(context: PageContext, formToken: String, login: String = "", errors: Errors = Errors(),
                       notice: String? = nil) -> Document {
        let words = context.words
        return Layout.page(words[.signIn], context: context, switchPath: "/signin") {
            el(.h1) { words[.signIn] }
            if let notice { Layout.notice(notice) }
            Forms.summary(errors.list, words: words)
            el(.p, .class("lead")) { words[.signInLead] }
            el(.form, .method("post"), .action("/signin"), Attribute(.novalidate), .class("stack")) {
                Forms.token(formToken)
                Forms.field(Forms.Field(id: "login", label: words[.login], value: login, autocomplete: "username",
                                        error: errors.login, literal: true), words: words)
                Forms.field(Forms.Field(id: "password", label: words[.password], type: "password",
                                        autocomplete: "current-password", error: errors.password), words: words)
                el(.button, .type("submit"), .class("primary")) { words[.signInButton] }
            }
            el(.section, .class("aside"), .aria("labelledby", "first-time")) {
                el(.h2, .id("first-time")) { words[.firstTime] }
                el(.p) { words[.firstTimeText] }
                el(.p) { el(.a, .href("/signup")) { words[.signUpLink] } }
            }
        }
    }
}
