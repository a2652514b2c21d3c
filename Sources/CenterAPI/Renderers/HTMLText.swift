/// Escaping for server-rendered HTML: every piece of text the page shows goes
/// through `escape`, so a room name or a closure reason staff typed can never
/// become markup (HTML Living Standard §13.1.2.6 text, and quoted attributes).
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
