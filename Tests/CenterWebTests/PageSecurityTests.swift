import Testing
@testable import CenterService
@testable import CenterWeb

/// Every page carries strict headers; every form is refused without its
/// token or from another origin.
@Suite struct PageSecurityTests {
    @Test func pagesSendStrictHeaders() async throws {
        let f = try await PageFixture.make()
        for path in ["/signin", "/signup", "/"] {
            let page = await f.browser().get(path)
            let policy = try #require(page.headers["content-security-policy"])
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(policy.contains("style-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(page.headers["x-content-type-options"] == "nosniff")
            #expect(page.headers["referrer-policy"] == "same-origin")
            #expect(page.headers["cache-control"] == "no-store")
            #expect(page.headers["strict-transport-security"] == nil)
        }
    }

    @Test func pagesHaveNoScriptAndNoInlineStyle() async throws {
        let f = try await PageFixture.make()
        let page = await f.browser().get("/signup")
        #expect(!page.text.contains("<script"))
        #expect(!page.text.contains("<style"))
        #expect(!page.text.contains(" style="))
    }

    @Test func styleSheetIsServedAsCSSUnderItsVersionedURL() async throws {
        let f = try await PageFixture.make()
        let browser = f.browser()
        let page = await browser.get("/signin")
        #expect(page.text.contains(#"<link rel="stylesheet" href="/assets/site.css?v="#))
        let css = await browser.get("/assets/site.css?v=\(StyleSheet.version)")
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.text.contains("@media print"))
    }

    @Test func behindTLSCookiesAreSecureAndHostPrefixed() async throws {
        let f = try await PageFixture.make(behindTLS: true)
        try await f.staff()
        let browser = f.browser()
        browser.origin = "https://center.example"
        let form = await browser.get("/signin")
        #expect(form.headers["strict-transport-security"] == "max-age=31536000")
        #expect(form.setCookies.contains { $0.hasPrefix("__Host-nc_form=") && $0.hasSuffix("; Secure") })
        let page = await browser.post("/signin", [("form_token", form.formToken ?? ""), ("login", "desk1"), ("password", PageFixture.password)])
        #expect(page.status == 303)
        #expect(page.setCookies.contains { $0.hasPrefix("__Host-nc_session=") && $0.contains("; Secure") })
    }

    @Test func signInFormWithoutItsTokenIsRefused() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let browser = f.browser()
        _ = await browser.get("/signin")
        let page = await browser.post("/signin", [("form_token", "0123456789abcdef0123456789abcdef"), ("login", "desk1"),
                                                  ("password", PageFixture.password)])
        #expect(page.status == 403)
        #expect(page.text.contains("<h1>この操作は受け付けられませんでした</h1>"))
        #expect(browser.cookies["nc_session"] == nil)
    }

    @Test func formFromAnotherOriginIsRefused() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let browser = f.browser()
        await browser.signIn()
        let home = await browser.get("/")
        browser.origin = "https://evil.example"
        #expect(await browser.post("/signout", [("form_token", home.formToken ?? "")]).status == 403)
        browser.origin = nil
        let referred = await browser.post("/signout", [("form_token", home.formToken ?? "")],
                                          headers: [("referer", "https://evil.example/page")])
        #expect(referred.status == 403)
        #expect(await browser.get("/").status == 200)
    }

    @Test func signedInFormNeedsTheSessionsToken() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        try await f.staff("desk2")
        let mine = f.browser()
        let other = f.browser()
        await mine.signIn()
        await other.signIn("desk2")
        let otherToken = await other.get("/").formToken ?? ""
        #expect(await mine.post("/signout", [("form_token", otherToken)]).status == 403)
        #expect(await mine.post("/signout", []).status == 403)
        #expect(await mine.get("/").status == 200)
    }

    @Test func browserWithoutCookiesIsToldItNeedsThem() async throws {
        let f = try await PageFixture.make()
        let browser = f.browser()
        let form = await browser.get("/signin")
        browser.cookies = [:]
        let page = await browser.post("/signin", [("form_token", form.formToken ?? ""), ("login", "a"), ("password", "b")])
        #expect(page.status == 403)
        #expect(page.text.contains("Cookieが必要です"))
    }

    @Test func proxiedClientAddressIsTheLastForwardedOneOnlyBehindTLS() async throws {
        let f = try await PageFixture.make(behindTLS: true)
        let request = { (peer: String) in
            var request = HTTPRequestFactory.make(peer: peer, forwarded: "198.51.100.1, 203.0.113.9")
            request.peerAddress = peer
            return request
        }
        let site = WebSite(service: f.service)
        #expect(try await PageContext.make(request("127.0.0.1"), site: site).clientAddress == "203.0.113.9")
        #expect(try await PageContext.make(request("192.0.2.4"), site: site).clientAddress == "192.0.2.4")
        let plain = try await PageFixture.make(behindTLS: false)
        let direct = WebSite(service: plain.service)
        #expect(try await PageContext.make(request("127.0.0.1"), site: direct).clientAddress == "127.0.0.1")
    }
}
