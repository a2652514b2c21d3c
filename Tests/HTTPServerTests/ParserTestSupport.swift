@testable import HTTPServer

/// What the parser made of a byte string: the requests it produced, and the
/// error it stopped on, if any.
struct ParseOutcome: Equatable, CustomStringConvertible {
    struct Summary: Equatable {
        var method: HTTPMethod
        var target: String
        var path: [String]
        var query: [String]
        var headers: [String]
        var body: [UInt8]
        var keepAlive: Bool
        var minorVersion: Int
    }

    var requests: [Summary] = []
    var error: HTTPProtocolError?
    var status: Int? { error?.status.code }
    var description: String { "requests: \(requests.count), error: \(String(describing: error))" }
}

extension ParseOutcome.Summary {
    init(_ p: ParsedRequest) {
        self.init(method: p.request.method, target: p.request.target, path: p.request.pathSegments,
                  query: p.request.query.map { "\($0.name)=\($0.value)" },
                  headers: p.request.headers.map { "\($0.name): \($0.value)" }, body: p.request.body,
                  keepAlive: p.keepAlive, minorVersion: p.minorVersion)
    }
}

/// Feeds `chunks` one after the other, draining the parser after each.
func parse(chunks: [[UInt8]], limits: HTTPParserLimits = HTTPParserLimits()) -> ParseOutcome {
    var parser = HTTPRequestParser(limits: limits)
    var outcome = ParseOutcome()
    for chunk in chunks {
        parser.append(contentsOf: chunk)
        loop: while true {
            switch parser.next() {
            case .request(let p): outcome.requests.append(.init(p))
            case .continueExpected: continue
            case .needMoreData: break loop
            case .error(let e):
                outcome.error = e
                return outcome
            }
        }
    }
    return outcome
}

func parse(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) -> ParseOutcome {
    parse(chunks: [Array(text.utf8)], limits: limits)
}

/// The status the parser refuses `text` with, or nil if it did not.
func status(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) -> Int? {
    parse(text, limits: limits).status
}
