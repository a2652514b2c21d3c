import CenterService
import HTML

/// `GET /` for someone signed in: the home of their role.
enum HomePages {
    /// 窓口業務 (staff; admins see it too, with the planners' part): the desk's
    /// pages, issuing a member's sign-up code, the lobby board and the lobby
    /// screen's address.
    static func desk(context: PageContext, signedIn: SignedIn, registrationNumber: String = "", error: String? = nil,
                     boardKey: String? = nil) -> Document {
        let words = context.words
        let title = signedIn.role == .admin ? words[.adminHome] : words[.staffHome]
        return Layout.page(title, context: context, switchPath: "/") {
            el(.h1) { title }
            Forms.summary(error.map { [("registration", $0)] } ?? [], words: words)
            el(.ul, .class("tiles")) {
                for (href, label, text) in [
                    ("/desk/today", words("本日の予約表", "Today's sheet"), words("部屋とデスクの予約、入金とチェックイン", "Bookings of rooms and desks, payments, check-in")),
                    ("/desk/registrations", words("利用登録を探す", "Find a registration"), words("氏名・フリガナ・電話番号で探す・更新・予約", "By name, kana or phone; renew; book")),
                    ("/desk/registrations/new", words("新しく登録する", "New registration"), words("登録とサインアップコードの発行", "Register and issue a sign-up code")),
                    ("/desk/book", words("部屋を予約する", "Book a room"), words("月ごとの空き状況から", "From a month of availability")),
                    ("/desk/closures", words("休館日", "Closures"), words("臨時休館の登録・解除、部屋ごとの休館", "Declare or lift a closure; closed days by room")),
                    ("/lottery", words("抽選", "Lottery"), words("抽選の日程・結果の公開情報", "Rounds, draws and their public summaries")),
                ] {
                    el(.li) {
                        el(.a, .href(SafeURL(href))) { label }
                        el(.span, .class("hint")) { text }
                    }
                }
            }
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
            if let boardKey {
                el(.section, .aria("labelledby", "lobby-screen")) {
                    el(.h2, .id("lobby-screen")) { words("ロビーの表示", "The lobby screen") }
                    el(.p) {
                        words("ロビーの画面では次のアドレスを開いてください。フリーデスクのチェックインコードが表示されます。このアドレスは利用者に教えないでください。",
                              "Open this address on the lobby screen: it shows the desks' check-in code. Do not give it to users.")
                    }
                    el(.p) {
                        el(.a, .href(SafeURL.path("/board", query: [("display", boardKey)])), .class("board-link")) {
                            context.origin + "/board?display=" + boardKey
                        }
                    }
                }
            }
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
