/// A registration's postal address (住所): the postal code (郵便番号, read by
/// `PostalCode` from `〒１６４－０００１` or `164-0001`) and the address
/// itself from the prefecture to the building, one line of at most 200
/// characters as typed (NFC, `TextRule`). Printed
/// `〒164-0001 東京都中野区中野二丁目13番14号`.
///
/// The address text is kept as typed: Japanese addresses are written in
/// many equally valid ways (`2-13-14`, `二丁目13番14号`), and the service
/// neither looks them up nor rewrites them. Our decision.
public struct PostalAddress: Hashable, Sendable, CustomStringConvertible {
    public let postalCode: PostalCode
    /// 都道府県・市区町村・番地・建物名, e.g. `東京都中野区中野二丁目13番14号`.
    public let address: String

    /// The rule of the address text: one line, 1 to 200 characters.
    public static let addressRule = TextRule(maximumLength: 200, required: true)

    /// Reads both parts as typed; `.invalid` `postal_code_invalid` (details:
    /// `field` postal_code) when the code is not seven digits, and
    /// `address_invalid` (details: `field` address) when the text breaks
    /// `addressRule`.
    public init(postalCode: String, address: String) throws(Refusal<PostalAddress.Code>) {
        guard let code = PostalCode(postalCode) else {
            throw Refusal(.postalCodeInvalid, "`postal_code` must be a Japanese postal code of 7 digits, such as 164-0001; got \(TextRule.echo(postalCode)).",
                          details: ["field": "postal_code"])
        }
        self.postalCode = code
        self.address = try Self.addressRule.check(address, field: "address", code: PostalAddress.Code.addressInvalid)
    }

    /// `〒164-0001 東京都中野区中野二丁目13番14号`.
    public var description: String { "〒" + postalCode.description + " " + address }
}

extension PostalAddress {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case postalCodeInvalid = "postal_code_invalid"
        case addressInvalid = "address_invalid"
    }
}
