import Testing
@testable import HTTPServer

/// Response framing the server owns (RFC 9110 §6.6.1, §8.6; RFC 9112 §9.3).
struct ResponseEncoderTests {
    func encode(_ response: HTTPResponse, keepAlive: Bool = true, echo: Bool = false, head: Bool = false) -> String {
        var out: [UInt8] = []
        ResponseEncoder.encode(response, framing: .init(keepAlive: keepAlive, echoKeepAlive: echo, omitBody: head,
                                                        requestID: "r1"),
                               date: Array("D".utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func okResponseHasDateLengthAndRequestID() {
        #expect(encode(HTTPResponse(body: Array("hi".utf8)))
            == "HTTP/1.1 200 OK\r\nDate: D\r\nContent-Length: 2\r\nX-Request-Id: r1\r\n\r\nhi")
    }
    @Test func noContentHasNoContentLength() {
        #expect(!encode(HTTPResponse(status: .noContent)).contains("Content-Length"))
    }
    @Test func closingResponseSaysConnectionClose() {
        #expect(encode(HTTPResponse(), keepAlive: false).contains("\r\nConnection: close\r\n"))
    }
    @Test func headKeepsContentLengthWithoutBody() {
        let text = encode(HTTPResponse(body: Array("hello".utf8)), head: true)
        #expect(text.contains("Content-Length: 5"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }
    @Test func headerValuesWithLineBreaksAreDropped() {
        let text = encode(HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: x", "X-Fine": "ok"]))
        #expect(!text.contains("Set-Cookie"))
        #expect(text.contains("\r\nX-Fine: ok\r\n"))
    }
    @Test func handlerCannotOverrideFramingFields() {
        let text = encode(HTTPResponse(headers: ["Content-Length": "99"], body: Array("a".utf8)))
        #expect(!text.contains("99"))
    }
}
