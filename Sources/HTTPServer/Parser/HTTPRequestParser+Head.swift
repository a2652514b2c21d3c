/// The request head: request line (RFC 9112 §3) and header section (§5),
/// within the size limits (RFC 9112 §3 → 414, RFC 6585 §5 → 431).
extension HTTPRequestParser {
    /// Longest method we implement ("OPTIONS"); a longer token is 501 (RFC 9112 §3).
    static let maxMethodLength = 7

    mutating func parseHead(lines: [Range<Int>], nextLine: Int) -> Event {
        var lines = lines
        // One allocation for a usual head, not one per doubling.
        if lines.capacity < 16 { lines.reserveCapacity(16) }
        var nextLine = nextLine
        while true {
            let isRequestLine = lines.isEmpty
            // The section budget bounds each line's scan, so the verdict depends
            // only on byte positions, never on how the bytes were split.
            let sectionBudget = isRequestLine ? 0 : limits.maxHeaderBytes - (nextLine - lines[0].upperBound - 2)
            let maxLength = isRequestLine ? limits.maxRequestLineBytes
                : max(0, min(limits.maxHeaderFieldBytes, sectionBudget))
            let scan = scanLine(from: nextLine, maxLength: maxLength)
            switch scan {
            case .bareCR: return fail(.badRequest("A bare CR is not a line ending."))
            case .bareLF: return fail(.badRequest("A bare LF is not a line ending; use CRLF."))
            case .tooLong:
                if isRequestLine { return fail(requestLineTooLongError(start: nextLine)) }
                return fail(.headerFieldsTooLarge(sectionBudget < limits.maxHeaderFieldBytes
                    ? "The header section is too large." : "A header field is too large."))
            case .incomplete:
                state = .head(lines: lines, nextLine: nextLine)
                return .needMoreData
            case .complete(let end):
                if isRequestLine && end == nextLine {
                    // A leading empty line before the request line (RFC 9112 §2.2 SHOULD ignore).
                    readIndex += 2
                    continue
                }
                if !isRequestLine {
                    if end == nextLine {
                        return buildHead(lines: lines, headLength: end + 2)
                    }
                    if lines.count > limits.maxHeaderFields {
                        return fail(.headerFieldsTooLarge("There are too many header fields."))
                    }
                }
                lines.append(nextLine..<end)
                nextLine = end + 2
            }
        }
    }

    /// A request line over the cap: a method token longer than any we
    /// implement is 501, anything else 414 (RFC 9112 §3).
    func requestLineTooLongError(start: Int) -> HTTPProtocolError {
        let head = bytes(start..<min(start + Self.maxMethodLength + 1, bufferedByteCount))
        if !head.contains(ASCII.sp) && head.allSatisfy(ASCII.isToken) {
            return .notImplemented("The request method is not implemented.")
        }
        return .uriTooLong
    }

    /// Parses the complete head, consumes it and moves on to the body. Lines
    /// are offsets from `readIndex`, which still points at the request line.
    mutating func buildHead(lines: [Range<Int>], headLength: Int) -> Event {
        let requestLine: RequestLine
        switch RequestLine.parse(bytes(lines[0])) {
        case .failure(let error): return fail(error)
        case .success(let line): requestLine = line
        }
        var headers = HTTPHeaders()
        headers.reserveCapacity(lines.count - 1)
        var fields = HeaderFacts()
        for range in lines.dropFirst() {
            switch splitField(bytes(range)) {
            case .failure(let error): return fail(error)
            case .success(let (name, value)):
                if let error = fields.note(name: name, value: value) { return fail(error) }
                headers.append(lowercasedName: name, String(decoding: value, as: UTF8.self))
            }
        }
        let framing: BodyFraming?
        switch fields.resolve(requestLine: requestLine, limits: limits) {
        case .failure(let error): return fail(error)
        case .success(let f): framing = f
        }
        let target: RequestTarget
        switch RequestTarget.parse(requestLine.target, method: requestLine.method) {
        case .failure(let error): return fail(error)
        case .success(let t): target = t
        }
        let request = HTTPRequest(method: requestLine.method,
                                  target: String(decoding: requestLine.target, as: UTF8.self),
                                  pathSegments: target.pathSegments, query: target.query, headers: headers)
        let parsed = ParsedRequest(request: request, minorVersion: requestLine.minorVersion,
                                   keepAlive: fields.keepAlive(minorVersion: requestLine.minorVersion),
                                   expectsContinue: fields.expectsContinue && requestLine.minorVersion >= 1)
        readIndex += headLength
        return beginBody(parsed, framing: framing)
    }
}
