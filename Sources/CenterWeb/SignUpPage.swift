import HTML

/// サインアップ: a member's code, then the login and password they choose.
enum SignUpPage {
    struct Values {
        var code = ""
        var login = ""
    }

    struct Errors {
        var code: String?
        var login: String?
        var password: String?
        var passwordAgain: String?

        var list: [(field: String, message: String)] {
            [("code", code), ("login", login), ("password", password), ("password_again", passwordAgain)]
                .compactMap { field, message in message.map { (field, $0) } }
        }

        var isEmpty: Bool { list.isEmpty }
    }

    static func render(context: PageContext, formToken: String, values: Values = Values(), errors: Errors = Errors()) -> Document {
        let words = context.words
        return Layout.page(words[.signUp], context: context, switchPath: "/signup") {
            el(.h1) { words[.signUp] }
            Forms.summary(errors.list, words: words)
            el(.p, .class("lead")) { words[.signUpLead] }
            el(.form, .method("post"), .action("/signup"), Attribute(.novalidate), .class("stack")) {
                Forms.token(formToken)
                Forms.field(Forms.Field(id: "code", label: words[.code], value: values.code, autocomplete: "one-time-code",
                                        hint: words[.codeHint], error: errors.code, literal: true), words: words)
                Forms.field(Forms.Field(id: "login", label: words[.login], value: values.login, autocomplete: "username",
                                        hint: words[.loginHint], error: errors.login, literal: true), words: words)
                Forms.field(Forms.Field(id: "password", label: words[.password], type: "password", autocomplete: "new-password",
                                        hint: words[.passwordHint], error: errors.password), words: words)
                Forms.field(Forms.Field(id: "password_again", label: words[.passwordAgain], type: "password",
                                        autocomplete: "new-password", error: errors.passwordAgain), words: words)
                el(.button, .type("submit"), .class("primary")) { words[.signUpButton] }
            }
        }
    }
}
