import Testing
@testable import CenterDomain

/// フリガナ is kana only and is stored as full-width katakana.
@Suite struct NameKanaTests {
    typealias F = RulesFixtures

    @Test func hiraganaIsStoredAsKatakana() throws {
        #expect(try NameKana("やまだ はなこ").katakana == "ヤマダ\u{3000}ハナコ")
    }

    @Test func halfWidthKatakanaIsStoredFullWidth() throws {
        #expect(try NameKana("ﾔﾏﾀﾞ ﾊﾅｺ").katakana == "ヤマダ\u{3000}ハナコ")
    }

    @Test func spaceRunsAreOneFullWidthSpaceAndNoneAtTheEnds() throws {
        #expect(try NameKana("  ヤマダ \u{3000} ハナコ　").katakana == "ヤマダ\u{3000}ハナコ")
    }

    @Test func aHyphenTypedForTheLongVowelIsTheLongVowelMark() throws {
        #expect(try NameKana("さと-").katakana == "サトー")
    }

    @Test func smallKanaAndTheMiddleDotAreKept() throws {
        #expect(try NameKana("ジョン・スミス").katakana == "ジョン・スミス")
        #expect(try NameKana("きゃのん").katakana == "キャノン")
    }

    @Test(arguments: ["山田", "Yamada", "ヤマダ1", "ヤマダ!"])
    func anythingButKanaIsRefusedNamingTheCharacter(_ text: String) {
        let error = F.refusal { _ = try NameKana(text) }
        #expect(error?.code == "name_kana_invalid")
        #expect(error?.details["field"] == "name_kana")
        #expect(error?.details["character"] != nil)
    }

    @Test func blankKanaIsRefused() {
        #expect(F.refusal { _ = try NameKana("　") }?.code == "name_kana_invalid")
    }
}
