/// Serialises a response head and body into one contiguous buffer so that it
/// leaves in a single `send`. The server owns the framing fields: it writes
/// `Date` (RFC 9110 §6.6.1), `Content-Length` (none for 1xx, 204 and 304,
/// RFC 9110 §8.6), `Connection` and `X-Request-Id`, and drops any of those a
/// handler set. Handler fields whose name is not a token or whose value holds
/// CR, LF or NUL are dropped too, so a response can never be split.
enum ResponseEncoder {
    struct Framing {
        var keepAlive: Bool
        /// HTTP/1.0 keep-alive must be echoed (RFC 9112 §9.3; envoy #9797).
        var echoKeepAlive: Bool
        /// HEAD: the GET response without its body, Content-Length kept (RFC 9110 §9.3.2).
        var omitBody: Bool
        var requestID: String
    }

    /// Appends the response to `out`; returns the number of bytes appended.
    @discardableResult
    static func encode(_ response: HTTPResponse, framing: Framing, date: [UInt8], into out: inout [UInt8]) -> Int {
        let start = out.count
        let code = response.status.code
        // Grown geometrically: an exact reservation per response would copy
        // what is already buffered (pipelined answers) every time.
        let needed = out.count + 160 + response.body.count
        if out.capacity < needed { out.reserveCapacity(max(needed, 2 * out.capacity)) }
        out.append(contentsOf: Bytes.statusLineStart)
        appendDecimal(code, to: &out)
        out.append(ASCII.sp)
        let reason = response.status.reason.utf8
        if reason.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }) {
            out.append(contentsOf: reason)
        } else {
            for byte in reason where byte >= 0x20 && byte != 0x7F { out.append(byte) }
        }
        out.append(contentsOf: Bytes.date)
        out.append(contentsOf: date)
        let hasBodyFraming = !(100..<200).contains(code) && code != 204 && code != 304
        if hasBodyFraming {
            out.append(contentsOf: Bytes.contentLength)
            appendDecimal(response.body.count, to: &out)
        }
        if !framing.keepAlive {
            out.append(contentsOf: Bytes.connectionClose)
        } else if framing.echoKeepAlive {
            out.append(contentsOf: Bytes.connectionKeepAlive)
        }
        if !framing.requestID.isEmpty {
            out.append(contentsOf: Bytes.requestID)
            out.append(contentsOf: framing.requestID.utf8)
        }
        for field in response.headers where !isOwned(field.name) && isSafe(field) {
            out.append(contentsOf: Bytes.crlf)
            appendTitleCased(field.name, to: &out)
            out.append(contentsOf: Bytes.colonSpace)
            out.append(contentsOf: field.value.utf8)
        }
        out.append(contentsOf: Bytes.endOfHead)
        if hasBodyFraming && !framing.omitBody {
            out.append(contentsOf: response.body)
        }
        return out.count - start
    }

    /// Whether the server writes the field itself (`date`, `content-length`,
    /// `connection`, `transfer-encoding`, `x-request-id`, `keep-alive`),
    /// without hashing the name: most handler fields are told apart by their length.
    static func isOwned(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: name == "date"
        case 10: name == "connection" || name == "keep-alive"
        case 12: name == "x-request-id"
        case 14: name == "content-length"
        case 17: name == "transfer-encoding"
        default: false
        }
    }

    static func isSafe(_ field: (name: String, value: String)) -> Bool {
        !field.name.isEmpty && field.name.utf8.allSatisfy(ASCII.isToken)
            && field.value.utf8.allSatisfy { $0 != ASCII.cr && $0 != ASCII.lf && $0 != 0 }
    }

    /// Field names are stored lowercased; they go out as `Content-Type`, which
    /// is what people expect to read (case does not matter, RFC 9110 §5.1).
    static func appendTitleCased(_ name: String, to out: inout [UInt8]) {
        if name == "content-type" {
            out.append(contentsOf: Bytes.contentType)
            return
        }
        var upper = true
        for b in name.utf8 {
            out.append(upper && b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") ? b - 32 : b)
            upper = b == UInt8(ascii: "-")
        }
    }

    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    /// The fixed parts of a head, as bytes: appending an array is a copy,
    /// appending a literal's `utf8` goes through the string's storage.
    enum Bytes {
        static let statusLineStart = Array("HTTP/1.1 ".utf8)
        static let date = Array("\r\nDate: ".utf8)
        static let contentLength = Array("\r\nContent-Length: ".utf8)
        static let connectionClose = Array("\r\nConnection: close".utf8)
        static let connectionKeepAlive = Array("\r\nConnection: keep-alive".utf8)
        static let requestID = Array("\r\nX-Request-Id: ".utf8)
        static let crlf = Array("\r\n".utf8)
        static let colonSpace = Array(": ".utf8)
        static let endOfHead = Array("\r\n\r\n".utf8)
        static let contentType = Array("Content-Type".utf8)
    }

    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
