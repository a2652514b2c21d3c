import Testing
@testable import CenterService
@testable import CenterWeb

/// `/`, `/signin` and `/signout`: sign-in with an error next to the field,
/// a new session cookie, and the role's home.
@Suite struct SignInPageTests {
    @Test func anonymousRootLeadsToTheSignInPage() async throws {
        let f = try await PageFixture.make()
        let page = await f.browser().get("/")
        #expect(page.status == 303)
        #expect(page.location == "/signin")
    }

    @Test func signInPageIsJapaneseWithLabelledFields() async throws {
        let f = try await PageFixture.make()
        let page = await f.browser().get("/signin")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.hasPrefix("<!doctype html>\n<html lang=\"ja\">"))
        #expect(page.text.contains(#"<label for="login">ログインID"#))
        #expect(page.text.contains(#"<label for="password">パスワード"#))
        #expect(page.text.contains(#"autocomplete="current-password""#))
        #expect(page.formToken?.count == 32)
    }

    @Test func wrongPasswordIsShownUnderThePasswordField() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let page = await f.browser().signIn("desk1", "not-the-password")
        #expect(page.status == 422)
        let field = try #require(page.text.range(of: #"<input id="password""#))
        let error = try #require(page.text.range(of: #"<p class="error" id="password-error">ログインIDまたはパスワードが正しくありません。</p>"#))
        #expect(field.upperBound < error.lowerBound)
        #expect(page.text.contains(#"aria-describedby="password-error" aria-invalid="true""#))
        #expect(page.text.contains(##"<a href="#password">ログインIDまたはパスワードが正しくありません。</a>"##))
        #expect(page.text.contains(#"value="desk1""#))
        #expect(!page.text.contains("not-the-password"))
    }

    @Test func emptyFieldsAreNamedEach() async throws {
        let f = try await PageFixture.make()
        let page = await f.browser().signIn("", "")
        #expect(page.text.contains(#"id="login-error">ログインIDを入力してください。"#))
        #expect(page.text.contains(#"id="password-error">パスワードを入力してください。"#))
    }

    @Test func rightPasswordSetsANewSessionCookieAndLeadsHome() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let browser = f.browser()
        let page = await browser.signIn()
        #expect(page.status == 303)
        #expect(page.location == "/")
        let cookie = try #require(page.setCookies.first { $0.hasPrefix("nc_session=") })
        #expect(cookie.contains("; Path=/; HttpOnly; SameSite=Lax"))
        #expect(!cookie.contains("Secure"))
        #expect(!cookie.contains("Max-Age"))
        let home = await browser.get("/")
        #expect(home.status == 200)
        #expect(home.text.contains("<h1>窓口業務</h1>"))
        #expect(home.text.contains(#"<strong>desk1</strong><span class="role">（窓口職員）</span>"#))
    }

    @Test func signingInAgainReplacesTheSessionId() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let browser = f.browser()
        await browser.signIn()
        let first = browser.cookies["nc_session"]
        let form = await browser.get("/signin")
        #expect(form.status == 303)
        browser.cookies["nc_session"] = nil
        await browser.signIn()
        #expect(browser.cookies["nc_session"] != nil)
        #expect(browser.cookies["nc_session"] != first)
    }

    @Test func plannerAndMemberHomesDiffer() async throws {
        let f = try await PageFixture.make()
        try await f.staff("plan1", role: .planner)
        let browser = f.browser()
        await browser.signIn("plan1")
        let home = await browser.get("/")
        #expect(home.text.contains("<h1>改修ロードマップ</h1>"))
        #expect(home.text.contains(#"<img src="/planner/gantt.svg?as_of=2026-11-25""#))
    }

    @Test func signOutEndsTheSessionAndClearsTheCookie() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let browser = f.browser()
        await browser.signIn()
        let home = await browser.get("/")
        let out = await browser.post("/signout", [("form_token", home.formToken ?? "")])
        #expect(out.status == 303)
        #expect(out.location == "/signin?done=signed-out")
        #expect(out.setCookies.contains { $0.hasPrefix("nc_session=;") && $0.contains("Max-Age=0") })
        #expect(await browser.get("/signin?done=signed-out").text.contains("サインアウトしました。"))
        #expect(await browser.get("/").location == "/signin")
    }

    @Test func signOutEverywhereEndsTheOtherBrowsersSessionToo() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let phone = f.browser()
        let desk = f.browser()
        await phone.signIn()
        await desk.signIn()
        let home = await desk.get("/")
        _ = await desk.post("/signout-everywhere", [("form_token", home.formToken ?? "")])
        let after = await phone.get("/")
        #expect(after.status == 303)
        #expect(after.location == "/signin?done=ended")
    }

    @Test func staffSessionEndsAfterThirtyIdleMinutes() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let browser = f.browser()
        await browser.signIn()
        f.clock.advance(seconds: 30 * 60)
        let page = await browser.get("/")
        #expect(page.location == "/signin?done=ended")
        #expect(page.setCookies.contains { $0.hasPrefix("nc_session=;") })
        #expect(await browser.get("/signin?done=ended").text.contains("一定時間操作がなかったため、サインアウトしました。"))
    }

    @Test func repeatedFailuresAnswer429WithRetryAfter() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let browser = f.browser()
        for _ in 0..<5 { await browser.signIn("desk1", "not-the-password") }
        let page = await browser.signIn()
        #expect(page.status == 429)
        #expect(page.headers["retry-after"] == "1")
        #expect(page.text.contains("1秒後にもう一度お試しください。"))
    }
}
