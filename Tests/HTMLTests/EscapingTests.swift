import Testing
@testable import HTML

/// Text and attribute values are escaped by construction, wherever they go.
struct EscapingTests {
    static let hostile = #"<script>alert('x')</script> & "quoted" 'single' </p><img src=x onerror=alert(1)>"#

    @Test func textCannotOpenMarkup() {
        let html = el(.p) { Self.hostile }.html
        #expect(html == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39; &lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;</p>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
    }

    @Test func interpolatedTextIsEscapedToo() {
        let name = "<b>山田</b>"
        #expect(el(.span) { "利用者：\(name)" }.html == "<span>利用者：&lt;b&gt;山田&lt;/b&gt;</span>")
    }

    @Test func attributeValueCannotCloseItsQuotesOrTheTag() {
        let html = el(.input, .name("q"), .value(#"" autofocus onfocus="alert(1)"#)).html
        #expect(html == #"<input name="q" value="&quot; autofocus onfocus=&quot;alert(1)">"#)
    }

    @Test func singleQuotesAndAmpersandsInAttributesAreEscaped() {
        let html = el(.abbr, .title("O'Reilly & <Sons>")) { "O" }.html
        #expect(html == #"<abbr title="O&#39;Reilly &amp; &lt;Sons&gt;">O</abbr>"#)
    }

    @Test func titleAndTextareaContentIsEscaped() {
        #expect(el(.title) { "</title><script>x</script>" }.html == "<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>\n")
        #expect(el(.textarea, .name("memo")) { "</textarea><b>" }.html == #"<textarea name="memo">&lt;/textarea&gt;&lt;b&gt;</textarea>"#)
    }

    @Test func controlCharactersAndNoncharactersBecomeReplacementCharacters() {
        #expect(el(.p) { "a\u{0}b\u{1B}c\u{85}d\u{FFFF}e\tf" }.html == "<p>a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\tf</p>\n")
    }

    @Test func dataAndAriaNamesCannotCarryMarkup() {
        let html = el(.div, .data(#"x" onclick="alert(1)"#, "v"), .aria("describedby", "help")) { }.html
        #expect(html == #"<div data-x="v" aria-describedby="help"></div>"# + "\n")
    }

    @Test func japaneseTextPassesUnchanged() {
        #expect(el(.p) { "中野区産業振興センター　令和8年" }.html == "<p>中野区産業振興センター　令和8年</p>\n")
    }

    @Test func voidElementsRenderNoChildrenAndNoEndTag() {
        #expect(el(.input, .type("text")) { "ignored" }.html == #"<input type="text">"#)
    }

    @Test func booleanAttributesRenderAsTheirName() {
        #expect(el(.input, .name("a"), .required).html == #"<input name="a" required>"#)
    }
}
