import Testing
@testable import CenterDomain

/// Names and kana fold so that the ways people type one name compare equal.
@Suite struct NameFoldingTests {
    let key = NameFolding.searchKey

    @Test func halfWidthKatakanaIsFullWidth() {
        #expect(key("ﾔﾏﾀﾞ ﾊﾅｺ") == "ヤマダハナコ")
        #expect(key("ｱ") == key("ア"))
    }

    @Test func hiraganaIsKatakana() {
        #expect(key("やまだ はなこ") == key("ヤマダ ハナコ"))
        #expect(key("ゔぃ") == "ヴイ")
    }

    @Test func fullWidthLettersAndDigitsAreASCIIInLowerCase() {
        #expect(key("ＮＡＫＡＮＯ　Ｌａｂｓ１２３") == "nakanolabs123")
        #expect(key("Nakano Labs") == key("nakano labs"))
    }

    @Test func spacesOfEveryKindAndMiddleDotsAreRemoved() {
        #expect(key("山田　花子") == "山田花子")
        #expect(key(" 山田 \t花子 ") == "山田花子")
        #expect(key("ジョン・スミス") == key("ジョン スミス"))
        #expect(key("ｼﾞｮﾝ･ｽﾐｽ") == key("ジョンスミス"))
    }

    @Test func dashesAreTheLongVowelMark() {
        for typed in ["サトー", "サトｰ", "サト-", "サト－", "サト‐", "サト—", "サト―", "サト−"] {
            #expect(key(typed) == "サトー", "\(typed)")
        }
    }

    @Test func smallKanaAreFullSize() {
        #expect(key("キャノン") == key("キヤノン"))
        #expect(key("ハットリ") == key("ハツトリ"))
        #expect(key("ヶ") == "ケ")
    }

    @Test func voicedAndUnvoicedKanaStayApart() {
        #expect(key("ハセガワ") != key("ハセカワ"))
        #expect(key("パ") != key("ハ"))
        #expect(key("ヴ") != key("ブ"))
    }

    @Test func aSpacingDakutenJoinsTheKanaBeforeIt() {
        #expect(key("カ゛") == "ガ")
        #expect(key("ﾊﾟﾝ") == "パン")
    }

    @Test func iterationMarksRepeatTheKanaBefore() {
        #expect(key("いすゞ") == key("イスズ"))
        #expect(key("こゝろ") == key("ココロ"))
    }

    @Test func oldKanjiFormsAreTheirEverydayForms() {
        #expect(key("髙橋") == key("高橋"))
        #expect(key("山﨑") == key("山崎"))
        #expect(key("渡邊") == key("渡辺"))
        #expect(key("渡邉") == key("渡辺"))
        #expect(key("齋藤") == key("斎藤"))
    }

    @Test func distinctEverydayKanjiStayApart() {
        #expect(key("斎藤") != key("斉藤"))
    }

    @Test func abbreviatedLegalEntityMarksAreWrittenOut() {
        #expect(key("㈱中野商事") == "株式会社中野商事")
        #expect(key("（株）中野商事") == "株式会社中野商事")
        #expect(key("中野商事(有)") == "中野商事有限会社")
        #expect(key("（一社）中野産業協会") == "一般社団法人中野産業協会")
        #expect(key("ＮＰＯ法人なかの") == "特定非営利活動法人ナカノ")
    }

    @Test func theIdentityKeyLeavesOutLegalEntityWords() {
        let names = ["株式会社中野商事", "中野商事株式会社", "㈱中野商事", "中野商事（株）", "中野商事"]
        #expect(Set(names.map(NameFolding.identityKey)) == ["中野商事"])
        #expect(NameFolding.identityKey("一般社団法人中野") == "中野")
    }
}
