import Testing
@testable import HTML

/// A whole page: doctype, language, charset first, the title escaped; no
/// script can be written, and a style sheet only as a constant.
struct DocumentTests {
    @Test func documentStartsWithTheDoctypeAndTheJapaneseLanguage() {
        let html = Document(title: "サインイン") { el(.main) { "本文" } }.render()
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>サインイン</title>\n"))
        #expect(html.hasSuffix("<body>\n<main>\n本文</main>\n</body>\n</html>\n"))
    }

    @Test func englishDocumentSaysSo() {
        #expect(Document(language: "en", title: "Sign in") { }.render().contains(#"<html lang="en">"#))
    }

    @Test func titleIsEscaped() {
        let html = Document(title: "</title><script>alert(1)</script>") { }.render()
        #expect(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(!html.contains("<script"))
    }

    @Test func constantStyleSheetIsKept() {
        #expect(Node.style("body{color:#000}").html == "<style>body{color:#000}</style>\n")
    }

    @Test func styleSheetThatCouldCloseItsElementIsDropped() {
        #expect(Node.style("a{}</style><script>alert(1)</script>").html == "<style></style>\n")
    }

    @Test func refreshTakesOnlyANumberOfSeconds() {
        #expect(Node.refresh(every: 60).html == #"<meta http-equiv="refresh" content="60">"# + "\n")
    }

    @Test func builderTakesConditionsAndLoops() {
        let names = ["会議室1", "<和室>"]
        let showEmpty = false
        let list = el(.ul) {
            for name in names { el(.li) { name } }
            if showEmpty { el(.li) { "なし" } }
        }
        #expect(list.html == "<ul>\n<li>会議室1</li>\n<li>&lt;和室&gt;</li>\n</ul>\n")
    }
}
