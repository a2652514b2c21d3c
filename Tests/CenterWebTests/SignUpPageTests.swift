import Testing
@testable import CenterService
@testable import CenterWeb

/// Staff issue a code on the desk page; the member signs up with it.
@Suite struct SignUpPageTests {
    /// Signs `desk1` in and issues a code for `registration`; the slip page.
    func issue(_ f: PageFixture, registration: String) async throws -> (Browser, Browser.Page) {
        try await f.staff()
        let desk = f.browser()
        await desk.signIn()
        let home = await desk.get("/")
        return (desk, await desk.post("/desk/signup-codes", [("form_token", home.formToken ?? ""), ("registration", registration)]))
    }

    static func code(on slip: Browser.Page) -> String? {
        guard let range = slip.text.range(of: #"<code class="signup-code">"#) else { return nil }
        return String(slip.text[range.upperBound...].prefix { $0 != "<" })
    }

    @Test func slipShowsTheCodeTheRegistrationAndTheExpiry() async throws {
        let f = try await PageFixture.make()
        let id = try await f.register()
        let (_, slip) = try await issue(f, registration: String(id))
        #expect(slip.status == 200)
        #expect(slip.text.contains("<h1 id=\"slip-title\">サインアップコードのお知らせ</h1>"))
        #expect(slip.text.contains("<dd>山田商店</dd>"))
        #expect(slip.text.contains("令和8年12月9日(水) 10:00"))
        let code = try #require(Self.code(on: slip))
        #expect(SignUpCode(typed: code) != nil)
        #expect(slip.text.contains("http://center.example/signup"))
    }

    @Test func fullWidthRegistrationNumberIsRead() async throws {
        let f = try await PageFixture.make()
        let id = try await f.register()
        let (_, slip) = try await issue(f, registration: String(String(id).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFF10 - 0x30)!) }))
        #expect(slip.status == 200)
    }

    @Test func unknownRegistrationIsNamedNextToTheField() async throws {
        let f = try await PageFixture.make()
        let (_, page) = try await issue(f, registration: "999")
        #expect(page.status == 404)
        #expect(page.text.contains(#"id="registration-error">"#))
        #expect(page.text.contains("登録ID 999 の利用登録はありません。"))
        let (_, typo) = try await issue(try await PageFixture.make(), registration: "12a")
        #expect(typo.text.contains("利用登録番号は半角数字で入力してください。"))
    }

    @Test func membersCannotIssueCodes() async throws {
        let f = try await PageFixture.make()
        let id = try await f.register()
        let (_, slip) = try await issue(f, registration: String(id))
        let member = f.browser()
        let form = await member.get("/signup")
        _ = await member.post("/signup", [("form_token", form.formToken ?? ""), ("code", Self.code(on: slip) ?? ""),
                                          ("login", "hanako"), ("password", "aoi-sora-no-shita-dea"), ("password_again", "aoi-sora-no-shita-dea")])
        let home = await member.get("/")
        #expect(await member.post("/desk/signup-codes", [("form_token", home.formToken ?? ""), ("registration", String(id))]).status == 403)
    }

    @Test func memberSignsUpWithTheCodeAndSeesTheirRegistration() async throws {
        let f = try await PageFixture.make()
        let id = try await f.register(name: "<script>alert(1)</script>中野スタジオ")
        let (_, slip) = try await issue(f, registration: String(id))
        #expect(slip.text.contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt;中野スタジオ</dd>"))
        let member = f.browser()
        let form = await member.get("/signup")
        let done = await member.post("/signup", [("form_token", form.formToken ?? ""), ("code", (Self.code(on: slip) ?? "").lowercased()),
                                                 ("login", "hanako"), ("password", "aoi-sora-no-shita-dea"),
                                                 ("password_again", "aoi-sora-no-shita-dea")])
        #expect(done.status == 303)
        let cookie = try #require(done.setCookies.first { $0.hasPrefix("nc_session=") })
        #expect(cookie.contains("Max-Age=2592000"))
        let home = await member.get("/")
        #expect(home.text.contains("<h1>マイページ</h1>"))
        #expect(home.text.contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt;中野スタジオ</dd>"))
        #expect(!home.text.contains("<script>"))
        #expect(home.text.contains("フリーランス"))
    }

    @Test func differingPasswordsAreNamedAtTheConfirmation() async throws {
        let f = try await PageFixture.make()
        let member = f.browser()
        let form = await member.get("/signup")
        let page = await member.post("/signup", [("form_token", form.formToken ?? ""), ("code", "K7QM-3XPA-9RTD"), ("login", "hanako"),
                                                 ("password", "aoi-sora-no-shita-dea"), ("password_again", "aoi-sora-no-shita-deA")])
        #expect(page.status == 422)
        #expect(page.text.contains(#"id="password_again-error">確認用のパスワードが一致しません。"#))
        #expect(page.text.contains(#"value="K7QM-3XPA-9RTD""#))
    }

    @Test func wrongCodeIsNamedAtTheCodeField() async throws {
        let f = try await PageFixture.make()
        let member = f.browser()
        let form = await member.get("/signup")
        let page = await member.post("/signup", [("form_token", form.formToken ?? ""), ("code", "K7QM-3XPA-9RTD"), ("login", "hanako"),
                                                 ("password", "aoi-sora-no-shita-dea"), ("password_again", "aoi-sora-no-shita-dea")])
        #expect(page.text.contains(#"id="code-error">サインアップコードが正しくないか、有効期限が切れています。"#))
    }

    @Test func shortPasswordIsNamedAtThePasswordField() async throws {
        let f = try await PageFixture.make()
        let id = try await f.register()
        let (_, slip) = try await issue(f, registration: String(id))
        let member = f.browser()
        let form = await member.get("/signup")
        let page = await member.post("/signup", [("form_token", form.formToken ?? ""), ("code", Self.code(on: slip) ?? ""),
                                                 ("login", "hanako"), ("password", "short"), ("password_again", "short")])
        #expect(page.text.contains(#"id="password-error">パスワードは12文字以上で入力してください。"#))
    }
}
