import CenterService
import HTML

/// サインアップコードのお知らせ: the slip staff print and hand over, with
/// the code shown once. The print style leaves only the slip on paper.
enum SignUpSlipPage {
    static func render(context: PageContext, issued: IssuedSignUpCode) -> Document {
        let words = context.words
        let signUpAddress = context.origin + "/signup"
        return Layout.page(words[.slipTitle], context: context, switchPath: "/") {
            el(.p, .class("screen-only")) { words[.slipPrint] }
            el(.article, .class("slip"), .aria("labelledby", "slip-title")) {
                el(.h1, .id("slip-title")) { words[.slipTitle] }
                el(.p) { words[.slipLead] }
                el(.dl, .class("facts")) {
                    el(.dt) { words[.slipRegistration] }
                    el(.dd) { String(issued.registrationID) }
                    el(.dt) { words[.slipName] }
                    el(.dd) { issued.registrationName }
                    el(.dt) { words[.slipCode] }
                    el(.dd) { el(.code, .class("signup-code")) { issued.code.display } }
                    el(.dt) { words[.slipExpires] }
                    el(.dd) { words.dateTime(issued.expiresAt) }
                }
                el(.ol, .class("steps")) {
                    el(.li) {
                        words[.slipSteps1]
                        el(.br)
                        el(.code) { signUpAddress }
                    }
                    el(.li) { words[.slipSteps2] }
                    el(.li) { words[.slipSteps3] }
                }
                if let login = issued.existingLogin {
                    el(.p, .class("note")) {
                        words[.slipResetNote]
                        el(.strong) { login }
                    }
                }
            }
            el(.p, .class("screen-only")) { el(.a, .href("/")) { words[.slipBack] } }
        }
    }
}
