import Testing
@testable import CenterDomain

/// Every template of the catalogue can be filled: braces pair up, each
/// placeholder names a known style, and each code's last template needs no
/// detail, so no refusal is ever without Japanese.
struct MessageTemplateTests {
    /// The placeholders of `template` as (key, style), nil when a brace is unpaired.
    static func placeholders(_ template: String) -> [(String, String?)]? {
        var found: [(String, String?)] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else { return nil }
            let inner = rest[rest.index(after: open)..<close]
            guard !inner.contains("{") else { return nil }
            let parts = inner.split(separator: ":", maxSplits: 1).map(String.init)
            guard let key = parts.first else { return nil }
            found.append((key, parts.count == 2 ? parts[1] : nil))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    @Test func everyPlaceholderIsPairedAndNamesAKnownStyle() {
        for (code, templates) in MessageCatalogue.templates {
            for template in templates {
                let found = Self.placeholders(template)
                #expect(found != nil, "\(code): \(template)")
                for (_, style) in found ?? [] {
                    #expect(style.map(MessageCatalogue.styles.contains) ?? true, "\(code): unknown style \(style ?? "")")
                }
            }
        }
    }

    @Test func everyCodesLastTemplateNeedsNoDetail() {
        for (code, templates) in MessageCatalogue.templates {
            let last = templates.last.flatMap { MessageCatalogue.render($0, details: [:]) }
            #expect(last != nil && !(last ?? "").isEmpty, "\(code) has no template without details")
        }
    }

    @Test func aDetailIsWrittenInJapaneseByItsStyle() {
        let details = ["state": "provisional", "category": "community_group", "division": "night", "field": "purpose",
                       "problem": "line_break", "at": "2026-12-10T13:05:00+09:00", "ids": "japanese-room,creative-room"]
        #expect(MessageCatalogue.render("{state:state}/{category:category}/{division:name}", details: details) == "仮予約/地域団体/夜間")
        #expect(MessageCatalogue.render("{field:field}{problem:problem}", details: details) == "利用目的（purpose）は1行で入力してください")
        #expect(MessageCatalogue.render("{at:instant}", details: details) == "令和8年12月10日(木) 13:05")
        #expect(MessageCatalogue.render("{ids:names}", details: details, names: ["japanese-room": "和室", "creative-room": "創作室"])
            == "和室・創作室")
    }

    @Test func aTextTooLongSaysItsLimit() {
        let refusal = Refusal(NameQuery.Code.invalid, "x", details: ["field": "name", "problem": "too_long", "maximum": "200", "length": "201"])
        #expect(MessageCatalogue.message(code: "invalid_name", english: "x", details: refusal.details)?.ja
            == "名前（name）は200文字以内で入力してください（201文字あります）。")
    }
}
