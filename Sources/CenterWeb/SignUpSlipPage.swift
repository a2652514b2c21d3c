import CenterService
import HTML

/// サインアップコードのお知らせ: the slip staff print and hand over, with
/// the code shown once. The print style leaves only the slip on paper.
enum SignUpSlipPage {
    /// `registration`: the registration, whose issuer (登録の発行者) and
    /// validity the slip prints; `isNew` when it was just made, said above the slip.
    static func render(context: PageContext, issued: IssuedSignUpCode, registration: RegistrationRecord?,
                       isNew: Bool = false) -> Document {
        let words = context.words
        let signUpAddress = context.origin + "/signup"
        return Layout.page(words[.slipTitle], context: context, switchPath: "/") {
            if let record = registration, isNew {
                PageKit.notice(words("利用登録をしました（登録番号 \(record.id)、有効期限 \(words.date(record.validUntil))）。",
                                     "Registered (no. \(record.id), valid until \(words.date(record.validUntil)))."))
            }
            el(.p, .class("screen-only")) { words[.slipPrint] }
            el(.article, .class("slip"), .aria("labelledby", "slip-title")) {
                el(.h1, .id("slip-title")) { words[.slipTitle] }
                el(.p) { words[.slipLead] }
                el(.dl, .class("facts")) {
                    el(.dt) { words[.slipRegistration] }
                    el(.dd) { String(issued.registrationID) }
                    el(.dt) { words[.slipName] }
                    el(.dd) { issued.registrationName }
                    if let registration {
                        el(.dt) { words("登録の発行者", "Issued by") }
                        el(.dd) { words(registration.issuerNameJa, registration.issuer.nameEn) }
                        el(.dt) { words("登録の有効期限", "Registration valid until") }
                        el(.dd) { words.date(registration.validUntil) }
                    }
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
            el(.p, .class("screen-only")) {
                el(.a, .href(SafeURL("/desk/registrations/\(issued.registrationID)"))) { words("この利用登録を開く", "Open this registration") }
            }
            el(.p, .class("screen-only")) { el(.a, .href("/")) { words[.slipBack] } }
        }
    }
}
