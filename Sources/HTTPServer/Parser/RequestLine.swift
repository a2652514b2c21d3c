/// `request-line = method SP request-target SP HTTP-version` (RFC 9112 §3),
/// with exactly one SP between the parts.
struct RequestLine {
    var method: HTTPMethod
    var target: ArraySlice<UInt8>
    var minorVersion: Int

    /// Order of checks: shape (400), version (400 malformed, 505 not 1.x,
    /// RFC 9112 §2.3 and RFC 9110 §15.6.6), then method (501, RFC 9110 §9.1).
    static func parse(_ line: ArraySlice<UInt8>) -> Result<RequestLine, HTTPProtocolError> {
        guard let sp1 = line.firstIndex(of: ASCII.sp),
              let sp2 = line[(sp1 + 1)...].firstIndex(of: ASCII.sp),
              !line[(sp2 + 1)...].contains(ASCII.sp) else {
            return .failure(.badRequest("The request line needs exactly three parts separated by single spaces."))
        }
        let methodBytes = line[line.startIndex..<sp1]
        let target = line[(sp1 + 1)..<sp2]
        let version = line[(sp2 + 1)...]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(ASCII.isToken) else {
            return .failure(.badRequest("The request method is not a token."))
        }
        // Visible ASCII, and bytes of UTF-8 text typed into a query as it is
        // (`?q=山田`): RequestTarget checks where they stand and that they are UTF-8.
        guard !target.isEmpty, target.allSatisfy({ ($0 > 0x20 && $0 < 0x7F) || $0 >= 0x80 }) else {
            return .failure(.badRequest("The request target is malformed."))
        }
        let minor: Int
        switch parseVersion(version) {
        case .failure(let error): return .failure(error)
        case .success(let m): minor = m
        }
        guard methodBytes.count <= HTTPRequestParser.maxMethodLength,
              let method = HTTPMethod(rawValue: String(decoding: methodBytes, as: UTF8.self)) else {
            return .failure(.notImplemented("The request method is not implemented."))
        }
        return .success(RequestLine(method: method, target: target, minorVersion: minor))
    }

    /// `HTTP-version = "HTTP" "/" DIGIT "." DIGIT` (RFC 9112 §2.3). 1.x above
    /// 1.1 is served as 1.1; a well-formed major other than 1 (including the
    /// `HTTP/2` and `HTTP/3` spellings) is 505.
    static func parseVersion(_ v: ArraySlice<UInt8>) -> Result<Int, HTTPProtocolError> {
        // `HTTP/1.1` and `HTTP/1.0`, nearly every request, without arrays.
        let s = v.startIndex
        if v.count == 8, v[s] == UInt8(ascii: "H"), v[s + 1] == UInt8(ascii: "T"), v[s + 2] == UInt8(ascii: "T"),
           v[s + 3] == UInt8(ascii: "P"), v[s + 4] == ASCII.slash, v[s + 5] == UInt8(ascii: "1"), v[s + 6] == UInt8(ascii: "."),
           v[s + 7] == UInt8(ascii: "1") || v[s + 7] == UInt8(ascii: "0") {
            return .success(v[s + 7] == UInt8(ascii: "0") ? 0 : 1)
        }
        let prefix = Array("HTTP/".utf8)
        guard v.starts(with: prefix) else { return .failure(.badRequest("The HTTP version is malformed.")) }
        let rest = Array(v.dropFirst(prefix.count))
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if rest.count == 3, isDigit(rest[0]), rest[1] == UInt8(ascii: "."), isDigit(rest[2]) {
            guard rest[0] == UInt8(ascii: "1") else { return .failure(.versionNotSupported) }
            return .success(rest[2] == UInt8(ascii: "0") ? 0 : 1)
        }
        if rest.count == 1, isDigit(rest[0]), rest[0] != UInt8(ascii: "1") {
            return .failure(.versionNotSupported)
        }
        return .failure(.badRequest("The HTTP version is malformed."))
    }
}
