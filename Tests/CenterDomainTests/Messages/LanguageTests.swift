import Testing
@testable import CenterDomain

/// Answers are Japanese unless Accept-Language prefers English.
@Suite struct LanguageTests {
    let preferred = Language.preferred(acceptLanguage:)

    @Test func withoutAHeaderTheAnswerIsJapanese() {
        #expect(preferred(nil) == .ja)
        #expect(preferred("") == .ja)
    }

    @Test func englishAloneIsEnglish() {
        #expect(preferred("en") == .en)
        #expect(preferred("en-US,en;q=0.9") == .en)
    }

    @Test func theHigherWeightWins() {
        #expect(preferred("ja;q=0.5, en;q=0.8") == .en)
        #expect(preferred("en;q=0.5, ja") == .ja)
        #expect(preferred("ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7") == .ja)
    }

    @Test func betweenEqualWeightsTheOneListedFirstWins() {
        #expect(preferred("en, ja") == .en)
        #expect(preferred("ja, en") == .ja)
    }

    @Test func otherLanguagesOnlyAreJapanese() {
        #expect(preferred("fr-FR, de;q=0.8") == .ja)
        #expect(preferred("*") == .ja)
    }

    @Test func englishAfterAnotherLanguageIsEnglish() {
        #expect(preferred("fr, en;q=0.5") == .en)
    }

    @Test func aNamedLanguageWeighsMoreThanTheWildcardAtTheSameWeight() {
        #expect(preferred("*, en") == .en)
        #expect(preferred("en;q=0.5, *") == .ja)
    }

    @Test func japaneseRefusedIsEnglish() {
        #expect(preferred("ja;q=0") == .en)
    }

    @Test func englishRefusedIsJapanese() {
        #expect(preferred("en;q=0, fr") == .ja)
        #expect(preferred("ja;q=0, en;q=0") == .ja)
    }

    @Test func upperCaseTagsAndSpacesAreRead() {
        #expect(preferred("  EN-gb ; Q=0.9 ,ja;q=0.1") == .en)
    }

    @Test(arguments: ["en;q=2", "en;q=abc", "en;q=0.5555", "en;q=", "en;q=-1"])
    func aRangeWithAMalformedWeightIsIgnored(_ header: String) {
        #expect(preferred(header) == .ja)
    }
}
