/// libFuzzer harness for the request parser: each input is parsed whole and
/// split in two at a point derived from the data; neither may crash, and both
/// must yield the same requests and the same error. Small limits make the
/// limit paths reachable. Built by bench/fuzz-parser.sh together with
/// Sources/HTTPServer/Parser and Sources/HTTPServer/Message.

struct FuzzOutcome: Equatable {
    var requests: [[String]] = []
    var bodies: [[UInt8]] = []
    var error: HTTPProtocolError?
}

let fuzzLimits = HTTPParserLimits(maxRequestLineBytes: 256, maxHeaderBytes: 1024, maxHeaderFields: 16,
                                  maxHeaderFieldBytes: 256, maxBodyBytes: 4096, maxChunkExtensionBytes: 32)

func fuzzParse(_ chunks: [ArraySlice<UInt8>]) -> FuzzOutcome {
    var parser = HTTPRequestParser(limits: fuzzLimits)
    var outcome = FuzzOutcome()
    for chunk in chunks {
        parser.append(contentsOf: chunk)
        drain: while true {
            switch parser.next() {
            case .request(let p):
                let r = p.request
                outcome.requests.append([r.method.rawValue, r.target, "\(p.keepAlive)", "\(p.minorVersion)"]
                    + r.pathSegments + r.query.map { $0.name + "=" + $0.value }
                    + r.headers.map { $0.name + ":" + $0.value })
                outcome.bodies.append(r.body)
            case .continueExpected:
                continue
            case .needMoreData:
                break drain
            case .error(let e):
                outcome.error = e
                return outcome
            }
        }
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = fuzzParse([bytes[...]])
    let cut = size == 0 ? 0 : (Int(bytes[size - 1]) &* 31 &+ size) % (size + 1)
    let split = fuzzParse([bytes[..<cut], bytes[cut...]])
    if whole != split {
        fatalError("split at \(cut) disagrees: whole \(whole) split \(split)")
    }
    return 0
}
