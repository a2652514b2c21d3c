import Testing
@testable import HTML

/// URLs in `href`, `src`, `action` and `formaction` are checked: only this
/// site's paths and http(s), mailto and tel URLs get through.
struct URLTests {
    @Test(arguments: ["/signin", "/", "?lang=en", "#main", "signup", "/a:b", "?next=javascript:x",
                      "https://www.city.tokyo-nakano.lg.jp/", "http://example.jp/x", "mailto:desk@example.jp",
                      "tel:03-1234-5678", "HTTPS://EXAMPLE.JP"])
    func siteAndWebURLsAreKept(_ url: String) {
        #expect(SafeURL(url).text == url)
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                      "java\nscript:alert(1)", "\u{1}javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                      "vbscript:msgbox", "//evil.example/", "/\\evil.example", "file:///etc/passwd", "", "a b"])
    func scriptDataAndOtherURLsAreRefused(_ url: String) {
        #expect(SafeURL(url).text == SafeURL.refused)
        #expect(SafeURL.checked(url) == nil)
    }

    @Test func refusedURLRendersAsAboutInvalid() {
        let link = el(.a, .href(SafeURL("javascript:alert(document.cookie)"))) { "x" }.html
        #expect(link == #"<a href="about:invalid">x</a>"#)
        let form = el(.form, .action(SafeURL("javascript:void(0)"))) { }.html
        #expect(form.hasPrefix(#"<form action="about:invalid">"#))
        let image = el(.img, .src(SafeURL("data:image/svg+xml,<svg onload=alert(1)>")), Attribute(.alt, "")).html
        #expect(image == #"<img src="about:invalid" alt="">"#)
        let button = el(.button, .formaction(SafeURL(" javascript:alert(1)"))) { "送信" }.html
        #expect(button == #"<button formaction="about:invalid">送信</button>"#)
    }

    @Test func keptURLIsStillEscapedAsAnAttribute() {
        #expect(el(.a, .href(SafeURL("/search?q=\"x\"&a='b'"))) { "x" }.html
                == #"<a href="/search?q=&quot;x&quot;&amp;a=&#39;b&#39;">x</a>"#)
    }

    @Test func queryIsPercentEncoded() {
        #expect(SafeURL.path("/signin", query: [("next", "/a b?c&d"), ("lang", "en")]).text
                == "/signin?next=%2Fa%20b%3Fc%26d&lang=en")
        #expect(SafeURL.path("/x", query: [("q", "中野")]).text == "/x?q=%E4%B8%AD%E9%87%8E")
    }
}
