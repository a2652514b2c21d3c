import CenterService
import HTML

/// `GET /` for someone signed in: the home of their role.
enum HomePages {
    /// 窓口業務 (staff; admins see it too, with the planners' part): issuing
    /// a member's sign-up code, and the lobby board.
    static func desk(context: PageContext, signedIn: SignedIn, registrationNumber: String = "", error: String? = nil) -> Document {
        let words = context.words
        let title = signedIn.role == .admin ? words[.adminHome] : words[.staffHome]
        return Layout.page(title, context: context, switchPath: "/") {
            el(.h1) { title }
            Forms.summary(error.map { [("registration", $0)] } ?? [], words: words)
            el(.section, .aria("labelledby", "issue-code")) {
                el(.h2, .id("issue-code")) { words[.issueCode] }
                el(.p) { words[.issueCodeLead] }
                el(.form, .method("post"), .action("/desk/signup-codes"), Attribute(.novalidate), .class("stack")) {
                    Forms.token(signedIn.formToken)
                    Forms.field(Forms.Field(id: "registration", label: words[.registrationNumber], value: registrationNumber,
                                            autocomplete: "off", hint: words[.registrationNumberHint], error: error,
                                            inputmode: "numeric"), words: words)
                    el(.button, .type("submit"), .class("primary")) { words[.issueButton] }
                }
            }
            links(words, roadmap: signedIn.role == .admin)
            Layout.signOutEverywhere(signedIn, words: words)
        }
    }

    /// 計画担当のページ: the roadmap's Gantt chart.
    static func planner(context: PageContext, signedIn: SignedIn) -> Document {
        let words = context.words
        return Layout.page(words[.plannerHome], context: context, switchPath: "/") {
            el(.h1) { words[.plannerHome] }
            el(.section, .aria("labelledby", "roadmap")) {
                el(.h2, .id("roadmap")) { words[.roadmapLink] }
                el(.p) { words[.roadmapText] }
                el(.p, .class("chart")) {
                    el(.img, .src("/roadmap.svg"), Attribute(.alt, words[.roadmapImage]), Attribute(.width, "1200"))
                }
            }
            links(words, roadmap: false)
            Layout.signOutEverywhere(signedIn, words: words)
        }
    }

    /// マイページ: the member's registration.
    static func member(context: PageContext, signedIn: SignedIn, registration: MemberRegistration?) -> Document {
        let words = context.words
        return Layout.page(words[.memberHome], context: context, switchPath: "/") {
            el(.h1) { words[.memberHome] }
            if let registration {
                el(.section, .aria("labelledby", "registration")) {
                    el(.h2, .id("registration")) { words[.yourRegistration] }
                    el(.dl, .class("facts")) {
                        el(.dt) { words[.registrationName] }
                        el(.dd) { registration.name }
                        el(.dt) { words[.slipRegistration] }
                        el(.dd) { String(registration.id) }
                        el(.dt) { words[.category] }
                        el(.dd) { words.category(registration.category) }
                        el(.dt) { words[.validUntil] }
                        el(.dd) { el(.time, Attribute(.datetime, registration.validUntil.description)) { words.date(registration.validUntil) } }
                    }
                }
            }
            el(.p) { words[.memberForgotten] }
            links(words, roadmap: false)
            Layout.signOutEverywhere(signedIn, words: words)
        }
    }

    static func links(_ words: Words, roadmap: Bool) -> Node {
        el(.ul, .class("links")) {
            el(.li) {
                el(.a, .href("/board")) { words[.boardLink] }
                el(.span, .class("hint")) { words[.boardText] }
            }
            if roadmap {
                el(.li) {
                    el(.a, .href("/roadmap.svg")) { words[.roadmapLink] }
                    el(.span, .class("hint")) { words[.roadmapText] }
                }
            }
        }
    }
}
