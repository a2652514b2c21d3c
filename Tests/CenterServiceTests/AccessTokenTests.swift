import CenterDomain
import Testing
@testable import CenterService

struct ConstantTimeTests {
    @Test func equalBytesCompareEqual() {
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
    }

    @Test func anyDifferingByteCompareUnequal() {
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([0, 2, 3], [1, 2, 3]))
    }

    @Test func differentLengthsCompareUnequal() {
        #expect(!ConstantTime.equal([1, 2], [1, 2, 3]))
    }
}

struct AccessTokenTests {
    @Test func tokensCarryAtLeast128RandomBits() {
        let token = AccessToken.generate()
        #expect(token.secret.hasPrefix("nkc_"))
        #expect(token.secret.count == 4 + 64)
        #expect(AccessToken.generate().secret != token.secret)
    }

    @Test func storedHashIsTheSHA256OfTheWholeToken() {
        let token = AccessToken(secret: "nkc_abc")
        #expect(Hex.encode(token.hash) == SHA256.hexDigest("nkc_abc"))
    }
}
