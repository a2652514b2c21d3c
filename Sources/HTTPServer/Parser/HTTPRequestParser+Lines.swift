/// CRLF line scanning (RFC 9112 §2.2): a line ends at CRLF only. A bare CR is
/// refused (the MAY-reject branch of §2.2), and so is a bare LF: §2.2 lets a
/// recipient accept it, but refusing is the safe default, as in llhttp.
extension HTTPRequestParser {
    enum LineScan: Equatable {
        /// Line content is `start..<end` (offsets from `readIndex`); the next
        /// line starts at `end + 2`.
        case complete(end: Int)
        case incomplete
        case tooLong
        case bareCR
        case bareLF
    }

    /// Scans for the CRLF ending the line that starts at offset `start`, whose
    /// content may hold at most `maxLength` octets.
    func scanLine(from start: Int, maxLength: Int) -> LineScan {
        let base = readIndex + start
        let available = buffer.count - base
        let limit = min(available, maxLength + 1)
        return buffer.withUnsafeBufferPointer { buf in
            var i = 0
            while i < limit {
                let b = buf[base + i]
                if b == ASCII.cr {
                    guard i + 1 < available else { return .incomplete }
                    return buf[base + i + 1] == ASCII.lf ? .complete(end: start + i) : .bareCR
                }
                if b == ASCII.lf { return .bareLF }
                i += 1
            }
            return available > maxLength ? .tooLong : .incomplete
        }
    }

    /// The bytes `range` (offsets from `readIndex`).
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        buffer[(readIndex + range.lowerBound)..<(readIndex + range.upperBound)]
    }

    /// Checks a field line (header or trailer) and splits it into a lowercased
    /// name and an OWS-trimmed value (RFC 9112 §5, RFC 9110 §5.5).
    func splitField(_ line: ArraySlice<UInt8>) -> Result<(name: String, value: ArraySlice<UInt8>), HTTPProtocolError> {
        guard let first = line.first else { return .failure(.badRequest("Empty header line.")) }
        if ASCII.isWhitespace(first) {
            return .failure(.badRequest("Obsolete line folding is not accepted."))
        }
        guard let colon = line.firstIndex(of: ASCII.colon) else {
            return .failure(.badRequest("A header line has no colon."))
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(ASCII.isToken) else {
            return .failure(.badRequest("A header name is not a token."))
        }
        let value = ASCII.trimmed(line[(colon + 1)...])
        guard value.allSatisfy(ASCII.isFieldValueByte) else {
            return .failure(.badRequest("A header value holds a control character."))
        }
        return .success((ASCII.lowercaseString(name), value))
    }
}
