/// A URL that may go into `href`, `src`, `action` or `formaction`: a path
/// on this site (`/signin`, `?lang=en`, `#main`, `signup`), or an absolute
/// `https:`, `http:`, `mailto:` or `tel:` URL. Anything else — a
/// `javascript:`, `data:` or `vbscript:` URL in any spelling, a
/// protocol-relative `//host`, a backslash, whitespace or a control
/// character — becomes `about:invalid`, which goes nowhere. The check needs
/// no trust in the caller: a URL built from user data is as safe as a
/// constant.
public struct SafeURL: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// What a refused URL becomes.
    public static let refused = "about:invalid"

    /// The URL as it will be written (then escaped as an attribute value).
    public let text: String

    public init(_ candidate: String) { text = Self.isSafe(candidate) ? candidate : Self.refused }

    public init(stringLiteral value: String) { self.init(value) }

    /// The URL, or nil when it would be refused.
    public static func checked(_ candidate: String) -> SafeURL? { isSafe(candidate) ? SafeURL(candidate) : nil }

    /// A path on this site with a query, each name and value percent-encoded
    /// (`/signin?lang=en&next=%2F`).
    public static func path(_ path: String, query: [(String, String)]) -> SafeURL {
        guard !query.isEmpty else { return SafeURL(path) }
        let encoded = query.map { percentEncoded($0.0) + "=" + percentEncoded($0.1) }.joined(separator: "&")
        return SafeURL(path + "?" + encoded)
    }

    public var description: String { text }

    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    static func isSafe(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        guard !bytes.isEmpty, bytes.count <= 2048 else { return false }
        // No whitespace, no control characters, no backslash: browsers strip
        // or reinterpret them, which is how `java\tscript:` gets through.
        guard bytes.allSatisfy({ $0 > 0x20 && $0 != 0x7f && $0 != 0x5c }) else { return false }
        if bytes.starts(with: Array("//".utf8)) { return false }
        guard let colon = bytes.firstIndex(of: 0x3a) else { return true }
        if let boundary = bytes.firstIndex(where: { $0 == 0x2f || $0 == 0x3f || $0 == 0x23 }), boundary < colon {
            return true    // the colon is in the path, query or fragment of a relative URL
        }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        return allowedSchemes.contains(scheme)
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5a, 0x61...0x7a, 0x30...0x39, 0x2d, 0x2e, 0x5f, 0x7e:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0x0f)])
            }
        }
        return out
    }
}
