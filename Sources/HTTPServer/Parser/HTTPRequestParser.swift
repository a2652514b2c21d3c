/// An incremental, byte-level HTTP/1.1 request parser (RFC 9112). Bytes are
/// appended as they arrive; `next()` yields each complete request in order,
/// keeping any bytes that follow it (pipelining, RFC 9112 §9.3.2). The result
/// does not depend on how the bytes were split into reads.
///
/// Pure Swift over the Message types only, so that the fuzz harness can build
/// it without the rest of the server.
public struct HTTPRequestParser: Sendable {
    /// What `next()` found.
    public enum Event: Sendable {
        /// A complete request (head and decoded body).
        case request(ParsedRequest)
        /// The head asked for `100-continue` and its body has not fully
        /// arrived (RFC 9110 §10.1.1): the server decides from the head, which
        /// this carries (no body), whether to send `100 Continue` and read on
        /// or to answer at once. Reported once per request; parsing may go on
        /// afterwards and reads whatever body the client sends.
        case continueExpected(ParsedRequest)
        /// Nothing complete yet.
        case needMoreData
        /// The request is refused; the parser stays failed.
        case error(HTTPProtocolError)
    }

    enum BodyFraming: Equatable {
        case length(Int)
        case chunked
    }

    enum ChunkPhase: Equatable {
        case size
        case data(remaining: Int)
        case dataCRLF
        case trailers(fields: Int, bytes: Int)
    }

    enum State {
        /// Reading the head: complete lines so far, as offsets from `readIndex`.
        case head(lines: [Range<Int>], nextLine: Int)
        case body(ParsedRequest, remaining: Int, continueSent: Bool)
        case chunked(ParsedRequest, ChunkPhase, continueSent: Bool)
        case failed(HTTPProtocolError)
    }

    public let limits: HTTPParserLimits
    var buffer: [UInt8] = []
    var readIndex = 0
    var state: State = .head(lines: [], nextLine: 0)

    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
        buffer.reserveCapacity(4096)
    }

    /// Bytes received and not yet consumed by a returned request.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// True once any byte of a request has arrived and the request is not yet
    /// complete: a header deadline then answers 408 instead of closing silently.
    public var hasPartialRequest: Bool {
        switch state {
        case .head: return bufferedByteCount > 0
        case .body, .chunked: return true
        case .failed: return false
        }
    }

    /// True while the head is complete and the body is still arriving.
    public var isReadingBody: Bool {
        switch state {
        case .body, .chunked: return true
        default: return false
        }
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes.bindMemory(to: UInt8.self))
    }

    public mutating func append<S: Sequence>(contentsOf bytes: S) where S.Element == UInt8 {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Drops consumed bytes. Line offsets in `state` are relative to
    /// `readIndex`, so they survive the move.
    mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex >= 4096 || readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }

    /// Parses as far as the buffered bytes allow.
    public mutating func next() -> Event {
        switch state {
        case .failed(let error):
            return .error(error)
        case .head(let lines, let nextLine):
            return parseHead(lines: lines, nextLine: nextLine)
        case .body(let parsed, let remaining, let continueSent):
            return readBody(parsed, remaining: remaining, continueSent: continueSent)
        case .chunked(let parsed, let phase, let continueSent):
            return readChunked(parsed, phase: phase, continueSent: continueSent)
        }
    }

    mutating func fail(_ error: HTTPProtocolError) -> Event {
        state = .failed(error)
        return .error(error)
    }

    mutating func finish(_ parsed: ParsedRequest) -> Event {
        state = .head(lines: [], nextLine: 0)
        return .request(parsed)
    }

    /// After the head: either the request is done (no body), or the body
    /// phase starts, announcing `100-continue` if the body is not all here.
    mutating func beginBody(_ parsed: ParsedRequest, framing: BodyFraming?) -> Event {
        switch framing {
        case nil, .length(0)?:
            return finish(parsed)
        case .length(let n)?:
            if bufferedByteCount < n && parsed.expectsContinue {
                state = .body(parsed, remaining: n, continueSent: true)
                return .continueExpected(parsed)
            }
            return readBody(parsed, remaining: n, continueSent: false)
        case .chunked?:
            let event = readChunked(parsed, phase: .size, continueSent: !parsed.expectsContinue)
            if case .needMoreData = event, parsed.expectsContinue, case .chunked(let p, let phase, _) = state {
                state = .chunked(p, phase, continueSent: true)
                return .continueExpected(parsed)
            }
            return event
        }
    }

    mutating func readBody(_ parsed: ParsedRequest, remaining: Int, continueSent: Bool) -> Event {
        var parsed = parsed
        let take = min(remaining, bufferedByteCount)
        if take > 0 {
            parsed.request.body.append(contentsOf: buffer[readIndex..<(readIndex + take)])
            readIndex += take
        }
        if take == remaining { return finish(parsed) }
        state = .body(parsed, remaining: remaining - take, continueSent: continueSent)
        return .needMoreData
    }
}

/// A request as parsed, with the connection facts the server needs.
public struct ParsedRequest: Sendable {
    public var request: HTTPRequest
    /// The minor version: 0 for HTTP/1.0, 1 for HTTP/1.1 (and later 1.x).
    public var minorVersion: Int
    /// Whether the connection may persist after the response (RFC 9112 §9.3).
    public var keepAlive: Bool
    /// The request carried `Expect: 100-continue` (RFC 9110 §10.1.1).
    public var expectsContinue: Bool
}
