import HTTPServer
import Testing
@testable import CenterService
@testable import CenterWeb

/// Japanese first; `?lang=en` switches to English and is remembered.
@Suite struct PageLanguageTests {
    @Test func langQuerySwitchesToEnglishAndSetsTheCookie() async throws {
        let f = try await PageFixture.make()
        let browser = f.browser()
        let page = await browser.get("/signin?lang=en")
        #expect(page.text.contains(#"<html lang="en">"#))
        #expect(page.text.contains("<h1>Sign in</h1>"))
        #expect(page.setCookies.contains { $0.hasPrefix("nc_lang=en;") && $0.contains("Max-Age=31536000") })
        #expect(await browser.get("/signup").text.contains("<h1>Sign up</h1>"))
        #expect(await browser.get("/signup?lang=ja").text.contains("<h1>サインアップ</h1>"))
    }

    @Test func switchLinkNamesTheOtherLanguageInItself() async throws {
        let f = try await PageFixture.make()
        let page = await f.browser().get("/signin")
        #expect(page.text.contains(#"<a class="language" href="/signin?lang=en" lang="en" hreflang="en">English</a>"#))
    }

    @Test func everyPhraseHasBothLanguages() {
        for phrase in Phrase.allCases {
            #expect(!phrase.ja.isEmpty)
            #expect(!phrase.en.isEmpty)
            #expect(phrase.ja != phrase.en || phrase == .languageName)
        }
    }

    @Test func englishSignInErrorIsEnglish() async throws {
        let f = try await PageFixture.make()
        try await f.staff()
        let browser = f.browser()
        _ = await browser.get("/signin?lang=en")
        let page = await browser.signIn("desk1", "not-the-password")
        #expect(page.text.contains("The login or the password is not correct."))
    }
}

/// A request as the server hands it over, for the address tests.
enum HTTPRequestFactory {
    static func make(peer: String, forwarded: String) -> HTTPRequest {
        HTTPRequest(method: .GET, target: "/", pathSegments: [], headers: ["host": "center.example", "x-forwarded-for": forwarded])
    }
}
