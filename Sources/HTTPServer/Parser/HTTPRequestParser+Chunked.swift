/// Chunked transfer coding (RFC 9112 §7.1): `chunk-size` is 1*HEXDIG with an
/// overflow check and nothing else (no sign, `0x`, `_` or whitespace); an
/// extension starts with `;` right after the size, is ignored, capped in
/// length and may not hold a CR; chunk data is followed by exactly CRLF;
/// trailer fields are parsed under the header limits and discarded. The
/// decoded total counts against the body limit.
extension HTTPRequestParser {
    mutating func readChunked(_ parsed: ParsedRequest, phase: ChunkPhase, continueSent: Bool) -> Event {
        var parsed = parsed
        var phase = phase
        defer {
            if case .chunked = state { state = .chunked(parsed, phase, continueSent: continueSent) }
        }
        state = .chunked(parsed, phase, continueSent: continueSent)
        while true {
            switch phase {
            case .size:
                let maxLine = 16 + 1 + limits.maxChunkExtensionBytes
                switch scanLine(from: 0, maxLength: maxLine) {
                case .incomplete: return .needMoreData
                case .tooLong: return fail(.badRequest("A chunk size line is too long."))
                case .bareCR, .bareLF: return fail(.badRequest("A chunk size line must end with CRLF."))
                case .complete(let end):
                    let line = bytes(0..<end)
                    let digitsEnd = line.firstIndex(of: UInt8(ascii: ";")) ?? line.endIndex
                    let digits = line[line.startIndex..<digitsEnd]
                    guard !digits.isEmpty, digits.count <= 16 else {
                        return fail(.badRequest("A chunk size is malformed."))
                    }
                    var size = 0
                    for d in digits {
                        guard let v = ASCII.hexValue(d) else { return fail(.badRequest("A chunk size is malformed.")) }
                        let (shifted, overflow) = size.multipliedReportingOverflow(by: 16)
                        guard !overflow else { return fail(.contentTooLarge) }
                        size = shifted + v
                    }
                    let ext = line[digitsEnd...]
                    guard ext.count <= limits.maxChunkExtensionBytes + 1,
                          ext.allSatisfy(ASCII.isFieldValueByte) else {
                        return fail(.badRequest("A chunk extension is too long or malformed."))
                    }
                    guard size <= limits.maxBodyBytes - parsed.request.body.count else { return fail(.contentTooLarge) }
                    readIndex += end + 2
                    phase = size == 0 ? .trailers(fields: 0, bytes: 0) : .data(remaining: size)
                }
            case .data(let remaining):
                let take = min(remaining, bufferedByteCount)
                guard take > 0 else { return .needMoreData }
                parsed.request.body.append(contentsOf: buffer[readIndex..<(readIndex + take)])
                readIndex += take
                phase = take == remaining ? .dataCRLF : .data(remaining: remaining - take)
            case .dataCRLF:
                if bufferedByteCount >= 1 && buffer[readIndex] != ASCII.cr
                    || bufferedByteCount >= 2 && buffer[readIndex + 1] != ASCII.lf {
                    return fail(.badRequest("Chunk data must be followed by CRLF."))
                }
                guard bufferedByteCount >= 2 else { return .needMoreData }
                readIndex += 2
                phase = .size
            case .trailers(let fields, let total):
                let budget = limits.maxHeaderBytes - total
                switch scanLine(from: 0, maxLength: max(0, min(limits.maxHeaderFieldBytes, budget))) {
                case .incomplete: return .needMoreData
                case .tooLong: return fail(.headerFieldsTooLarge("The trailer section is too large."))
                case .bareCR, .bareLF: return fail(.badRequest("A trailer line must end with CRLF."))
                case .complete(let end):
                    if end == 0 {
                        readIndex += 2
                        return finish(parsed)
                    }
                    if case .failure(let error) = splitField(bytes(0..<end)) { return fail(error) }
                    guard fields + 1 <= limits.maxHeaderFields else {
                        return fail(.headerFieldsTooLarge("The trailer section is too large."))
                    }
                    readIndex += end + 2
                    phase = .trailers(fields: fields + 1, bytes: total + end + 2)
                }
            }
        }
    }
}
