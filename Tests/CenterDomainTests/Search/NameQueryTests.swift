import Testing
@testable import CenterDomain

/// A name search matches partially, width- and kana-insensitively, against
/// the name or the フリガナ.
@Suite struct NameQueryTests {
    typealias F = RulesFixtures

    @Test(arguments: ["やまだ", "ﾔﾏﾀﾞ", "ヤマダ", "ﾊﾅｺ", "山田", "田　花", "山田花子"])
    func aPartOfTheNameOrKanaInAnyWidthOrKanaMatches(_ q: String) throws {
        #expect(try NameQuery(q).matches(name: "山田 花子", kana: "ヤマダ　ハナコ"))
    }

    @Test func aQueryMatchesTheKanaOnlyWhenTheNameIsKanji() throws {
        #expect(try !NameQuery("やまだ").matches(name: "山田 花子"))
    }

    @Test func anotherNameDoesNotMatch() throws {
        #expect(try !NameQuery("やまだ").matches(name: "中野商事", kana: "ナカノショウジ"))
    }

    @Test func aCompanyIsFoundWhateverItsLegalMarkIsWrittenAs() throws {
        #expect(try NameQuery("㈱中野").matches(name: "株式会社中野商事"))
        #expect(try NameQuery("株式会社").matches(name: "中野商事（株）"))
    }

    @Test(arguments: ["", "　", " ・ "])
    func aBlankQueryIsRefused(_ q: String) {
        #expect(F.refusal { _ = try NameQuery(q) }?.code == "search_query_invalid")
    }

    @Test func aQueryOverAHundredCharactersIsRefused() {
        let error = F.refusal { _ = try NameQuery(String(repeating: "あ", count: 101)) }
        #expect(error?.code == "search_query_invalid")
        #expect(error?.details["field"] == "q")
    }
}
