/// The decoded request-target (RFC 9112 §3.2): origin-form, absolute-form
/// (scheme and authority dropped; it overrides Host, §3.2.2) or, for OPTIONS
/// only, asterisk-form. The path is split on `/` first and each segment is
/// then percent-decoded exactly once (RFC 3986 §2.1), so a decoded `/` can
/// never act as a separator; it is refused anyway, as are `%00`, invalid
/// escapes, invalid UTF-8 and `.`/`..` segments (RFC 3986 §5.2.4).
///
/// The query may also hold UTF-8 text as it was typed (`?q=山田`, as curl
/// and many clients send it rather than `?q=%E5%B1%B1%E7%94%B0`): both read
/// the same. A query that is not UTF-8 once decoded (a Shift_JIS form, a
/// stray byte) is `invalid_encoding`; the path takes ASCII only.
struct RequestTarget: Equatable {
    var pathSegments: [String]
    var query: [(name: String, value: String)]

    static func == (a: RequestTarget, b: RequestTarget) -> Bool {
        a.pathSegments == b.pathSegments && a.query.elementsEqual(b.query) { $0 == $1 }
    }

    static func parse(_ target: ArraySlice<UInt8>, method: HTTPMethod) -> Result<RequestTarget, HTTPProtocolError> {
        if target.elementsEqual("*".utf8) {
            return method == .OPTIONS ? .success(RequestTarget(pathSegments: [], query: []))
                : .failure(.badRequest("The asterisk target is only valid with OPTIONS."))
        }
        var rest = target[...]
        if rest.first != ASCII.slash {
            guard let afterAuthority = stripScheme(rest) else {
                return .failure(.badRequest("The request target is malformed."))
            }
            rest = afterAuthority
            if rest.isEmpty || rest.first == UInt8(ascii: "?") {
                rest = ArraySlice(Array("/".utf8) + rest)
            }
        }
        if rest.contains(UInt8(ascii: "#")) { return .failure(.badRequest("The request target holds a fragment.")) }
        let queryStart = rest.firstIndex(of: UInt8(ascii: "?"))
        let pathBytes = rest[rest.startIndex..<(queryStart ?? rest.endIndex)]
        guard pathBytes.allSatisfy({ $0 < 0x80 }) else {
            return .failure(.badRequest("The request path holds a byte that is not ASCII; percent-encode it."))
        }
        var segments: [String] = []
        if pathBytes.count > 1 {
            for raw in pathBytes.dropFirst().split(separator: ASCII.slash, omittingEmptySubsequences: false) {
                guard case .success(let decoded) = percentDecode(raw, plusIsSpace: false) else {
                    return .failure(.badRequest("The request path has an invalid percent-encoding."))
                }
                if decoded == "." || decoded == ".." || decoded.utf8.contains(ASCII.slash) {
                    return .failure(.badRequest("The request path has a dot segment or an encoded slash."))
                }
                segments.append(decoded)
            }
        }
        var query: [(name: String, value: String)] = []
        if let q = queryStart {
            for pair in rest[(q + 1)...].split(separator: UInt8(ascii: "&")) {
                let eq = pair.firstIndex(of: UInt8(ascii: "="))
                switch (percentDecode(pair[pair.startIndex..<(eq ?? pair.endIndex)], plusIsSpace: true),
                        percentDecode(eq.map { pair[($0 + 1)...] } ?? [], plusIsSpace: true)) {
                case (.success(let name), .success(let value)):
                    query.append((name, value))
                case (.failure(.notUTF8), _), (_, .failure(.notUTF8)):
                    return .failure(HTTPProtocolError(.invalidEncoding,
                                                      "The query is not UTF-8 text; send it as UTF-8, percent-encoded or as it is."))
                default:
                    return .failure(.badRequest("The query has an invalid percent-encoding."))
                }
            }
        }
        return .success(RequestTarget(pathSegments: segments, query: query))
    }

    /// Drops `http://authority` or `https://authority` (case-insensitive
    /// scheme); nil if the target is neither.
    static func stripScheme(_ target: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let lower = target.prefix(8).map(ASCII.lowercased)
        let schemeLength: Int
        if lower.starts(with: "http://".utf8) { schemeLength = 7 }
        else if lower.starts(with: "https://".utf8) { schemeLength = 8 }
        else { return nil }
        let authority = target.dropFirst(schemeLength)
        let end = authority.firstIndex { $0 == ASCII.slash || $0 == UInt8(ascii: "?") } ?? authority.endIndex
        guard end > authority.startIndex, HeaderFacts.isValidHost(authority[authority.startIndex..<end]) else {
            return nil
        }
        return authority[end...]
    }

    /// Why a part of the target does not decode.
    enum DecodingProblem: Error {
        /// An escape that is not `%` and two hex digits, or `%00`.
        case invalidEscape
        /// The decoded bytes are not UTF-8.
        case notUTF8
    }

    /// Percent-decodes once; bytes that need no decoding (unreserved ASCII,
    /// or UTF-8 typed as it is) are kept. Fails on an invalid escape, `%00`
    /// or bytes that are not UTF-8.
    static func percentDecode(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) -> Result<String, DecodingProblem> {
        // Plain ASCII with nothing to decode is the text as it is.
        if !bytes.contains(where: { $0 == ASCII.percent || $0 >= 0x80 || (plusIsSpace && $0 == UInt8(ascii: "+")) }) {
            return .success(String(decoding: bytes, as: UTF8.self))
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == ASCII.percent {
                guard i + 2 < bytes.endIndex,
                      let hi = ASCII.hexValue(bytes[i + 1]), let lo = ASCII.hexValue(bytes[i + 2]) else { return .failure(.invalidEscape) }
                let decoded = UInt8(hi << 4 | lo)
                if decoded == 0 { return .failure(.invalidEscape) }
                out.append(decoded)
                i += 3
            } else {
                out.append(plusIsSpace && b == UInt8(ascii: "+") ? ASCII.sp : b)
                i += 1
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }
}
