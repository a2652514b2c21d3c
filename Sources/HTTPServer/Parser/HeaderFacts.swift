/// The header fields that decide framing and connection handling, collected
/// while the head is read and checked together at its end.
struct HeaderFacts {
    var hostCount = 0
    var hostValid = true
    var contentLength: Int?
    var contentLengthInvalid = false
    var transferEncodingLines = 0
    var transferCodings: [String] = []
    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false
    var otherExpectation = false

    /// Notes one field; returns an error that must stop the parse at once.
    mutating func note(name: String, value: ArraySlice<UInt8>) -> HTTPProtocolError? {
        switch name {
        case "host":
            hostCount += 1
            if !Self.isValidHost(value) { hostValid = false }
        case "content-length":
            // S §8.6: 1*DIGIT; a list or repeated field only if all values agree.
            for element in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let digits = ASCII.trimmed(element)
                guard !digits.isEmpty, digits.count <= 18,
                      digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                    return .badRequest("Content-Length is not a decimal number.")
                }
                let n = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                if let existing = contentLength, existing != n {
                    return .badRequest("Content-Length values disagree.")
                }
                contentLength = n
            }
        case "transfer-encoding":
            transferEncodingLines += 1
            for element in value.split(separator: UInt8(ascii: ",")) {
                let coding = ASCII.trimmed(element)
                if !coding.isEmpty { transferCodings.append(ASCII.lowercaseString(coding)) }
            }
        case "connection":
            for element in value.split(separator: UInt8(ascii: ",")) {
                switch ASCII.lowercaseString(ASCII.trimmed(element)) {
                case "close": connectionClose = true
                case "keep-alive": connectionKeepAlive = true
                default: break
                }
            }
        case "expect":
            if ASCII.lowercaseString(value) == "100-continue" { expectsContinue = true } else { otherExpectation = true }
        default:
            break
        }
        return nil
    }

    /// Host (RFC 9112 §3.2), then framing (RFC 9112 §6.1, §6.3), then
    /// expectations (RFC 9110 §10.1.1). Returns the body framing, nil for none.
    func resolve(requestLine: RequestLine, limits: HTTPParserLimits)
        -> Result<HTTPRequestParser.BodyFraming?, HTTPProtocolError> {
        if requestLine.minorVersion >= 1 && hostCount != 1 {
            return .failure(.badRequest(hostCount == 0 ? "Host is required." : "Host is repeated."))
        }
        if hostCount > 1 || !hostValid { return .failure(.badRequest("Host is invalid.")) }
        var framing: HTTPRequestParser.BodyFraming?
        if transferEncodingLines > 0 {
            if contentLength != nil {
                return .failure(.badRequest("Content-Length and Transfer-Encoding together are refused."))
            }
            if requestLine.minorVersion == 0 {
                return .failure(.badRequest("Transfer-Encoding is not allowed in HTTP/1.0."))
            }
            if transferEncodingLines > 1 { return .failure(.badRequest("Transfer-Encoding is repeated.")) }
            guard transferCodings.last == "chunked" else {
                return .failure(.badRequest("The final transfer coding must be chunked."))
            }
            if transferCodings.count > 1 {
                if transferCodings.dropLast().contains("chunked") {
                    return .failure(.badRequest("chunked is applied more than once."))
                }
                return .failure(.notImplemented("Only the chunked transfer coding is implemented."))
            }
            framing = .chunked
        } else if let n = contentLength {
            if n > limits.maxBodyBytes { return .failure(.contentTooLarge) }
            framing = .length(n)
        }
        if otherExpectation { return .failure(.expectationFailed) }
        return .success(framing)
    }

    /// HTTP/1.1 persists unless `close`; HTTP/1.0 only with `keep-alive`
    /// (RFC 9112 §9.3).
    func keepAlive(minorVersion: Int) -> Bool {
        if connectionClose { return false }
        return minorVersion >= 1 || connectionKeepAlive
    }

    /// `Host = uri-host [ ":" port ]` (RFC 9110 §7.2): reg-name or IP literal
    /// characters, then digits after the port colon. Empty is allowed.
    static func isValidHost(_ value: ArraySlice<UInt8>) -> Bool {
        var hostPart = value[...]
        if value.first == UInt8(ascii: "[") {
            guard let close = value.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = value[(value.startIndex + 1)..<close]
            guard !literal.isEmpty, literal.allSatisfy({ ASCII.hexValue($0) != nil || $0 == UInt8(ascii: ":")
                || $0 == UInt8(ascii: ".") }) else { return false }
            hostPart = value[(close + 1)...]
            if hostPart.isEmpty { return true }
            guard hostPart.first == UInt8(ascii: ":") else { return false }
            return hostPart.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        if let colon = value.firstIndex(of: UInt8(ascii: ":")) {
            let port = value[(colon + 1)...]
            guard port.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
            hostPart = value[value.startIndex..<colon]
        }
        let allowed = Array("-._~!$&'()*+,;=%".utf8)
        return hostPart.allSatisfy { b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || allowed.contains(b)
        }
    }
}
