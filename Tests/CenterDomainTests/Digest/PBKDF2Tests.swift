import TestEvents
import Testing
@testable import CenterDomain

/// PBKDF2-HMAC-SHA256 against the published vectors of RFC 7914 §11.
struct PBKDF2Tests {
    @Test func rfc7914OneIteration() {
        let key = PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, length: 64)
        #expect(Hex.encode(key) == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
    }

    /// 80,000 rounds take seconds in a debug build: they run on a thread of
    /// their own (`blocking`), as the service's hasher runs them, never on
    /// one of the test pool's few threads, which the server tests' handlers need.
    @Test func rfc7914EightyThousandIterations() async {
        let key = await blocking {
            PBKDF2.sha256(password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80_000, length: 64)
        }
        #expect(Hex.encode(key) == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
    }

    @Test func shorterKeyIsThePrefixOfTheLongerOne() {
        let long = PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 3, length: 64)
        let short = PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 3, length: 20)
        #expect(Array(long.prefix(20)) == short)
    }
}
