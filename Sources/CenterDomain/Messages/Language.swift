/// The language of an answer (応答の言語): Japanese unless the asker prefers English.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case ja, en

    /// The language an `Accept-Language` header (RFC 9110 §12.5.4) prefers.
    ///
    /// Each language range may carry a weight `q` from 0 to 1 (1 when
    /// absent); `ja`, `ja-JP` … are Japanese, `en`, `en-US` … English. Each
    /// language takes the weight of its first range, else that of `*`, else
    /// none. English is the answer when Japanese is refused (`ja;q=0`) and
    /// English is not, or when English weighs more than 0 and Japanese has
    /// no weight, a lower one, or the same one listed after English or only
    /// through `*`. Everything else is Japanese: no header, a header naming
    /// neither, both refused. A range with a
    /// malformed weight is ignored, as a bad header must not break an
    /// answer. Our decision: this is a Japanese service, and English is for
    /// those who ask for it.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header else { return .ja }
        var weights: [Language: (q: Int, position: Int)] = [:]
        var wildcard: Int?
        for (position, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingASCIISpaces() }
            guard let range = parts.first?.lowercased(), !range.isEmpty else { continue }
            var q = 1000
            var malformed = false
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingASCIISpaces() }
                guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
                guard let weight = Self.weight(pair[1]) else { malformed = true; break }
                q = weight
            }
            if malformed { continue }
            if range == "*" {
                if wildcard == nil { wildcard = q }
                continue
            }
            let primary = range.split(separator: "-", maxSplits: 1).first.map(String.init) ?? range
            guard let language = Language(rawValue: primary), weights[language] == nil else { continue }
            weights[language] = (q, position)
        }
        let jaWeight = weights[.ja]?.q ?? wildcard
        let enWeight = weights[.en]?.q ?? wildcard
        if jaWeight == 0 { return enWeight == 0 ? .ja : .en }
        guard let enQ = enWeight, enQ > 0 else { return .ja }
        guard let jaQ = jaWeight else { return .en }
        if jaQ != enQ { return enQ > jaQ ? .en : .ja }
        switch (weights[.en]?.position, weights[.ja]?.position) {
        case let (en?, ja?): return en < ja ? .en : .ja
        case (_?, nil): return .en
        default: return .ja
        }
    }

    /// A weight `0`, `0.5`, `1.000` … in thousandths; nil when malformed
    /// (more than three decimals, above 1, not a number).
    static func weight(_ text: String) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole == "0" || whole == "1" else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.utf8.count <= 3, fraction.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        let thousandths = Int(fraction + String(repeating: "0", count: 3 - fraction.utf8.count)) ?? 0
        let value = (whole == "1" ? 1000 : 0) + thousandths
        return value <= 1000 ? value : nil
    }
}

extension Substring {
    /// The text without spaces and tabs at either end.
    fileprivate func trimmingASCIISpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
