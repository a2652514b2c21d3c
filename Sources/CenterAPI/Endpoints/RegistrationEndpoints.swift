import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Registrations (利用登録): find them at the counter, create with
/// eligibility evidence (refusing a likely duplicate), read, change, renew,
/// and mint a member token for the registration's own account.
enum RegistrationEndpoints {
    struct TokenRequest: Decodable {
        let name: String?
    }

    struct MintedToken: Encodable {
        let token: String
        let record: TokenRecord
    }

    static let registrationBody = Schemas.object([
        "category": .enumeration(BookingSchemas.categories), "name": .text(.name), "name_kana": .text(.optionalName),
        "contact": .text(.optionalReason), "postal_code": .code, "address": .text(.optionalName),
        "in_ward": .boolean, "evidence": BookingSchemas.evidence, "valid_from": .date, "valid_until": .date,
        "confirm_new": .boolean],
        required: ["category", "name", "in_ward"])

    /// The filters of `GET /registrations`.
    static let searchParameters = [
        QueryParameter("q", schema: ["type": "string", "minLength": 1, "maxLength": .int(NameQuery.maximumLength)],
                       "Name or フリガナ, any part, however typed: width, hiragana/katakana, small kana, spaces, old kanji and 株式会社/(株) do not matter (ｱﾏﾀﾞ finds 天田 (アマダ))"),
        QueryParameter("phone", "Phone digits (at least \(RegistrationSearch.minimumPhoneDigits)); a contact holding them matches, so the last four digits find a number"),
        QueryParameter("corporate_number", "法人番号, 13 digits with a valid check digit"),
        QueryParameter("category", schema: ["type": "string", "enum": .array(BookingSchemas.categories.map { .string($0) })], "User category"),
        QueryParameter("state", schema: ["type": "string", "enum": ["active", "suspended", "expired"]], "Status today"),
        QueryParameter("after_id", schema: Schemas.integerParameter(0...InputRange.id.upperBound),
                       "Only registrations with a greater id: the last id of the previous page"),
        QueryParameter("limit", schema: Schemas.integerParameter(1...RegistrationSearch.maximumLimit),
                       "At most this many (default \(RegistrationSearch.defaultLimit))"),
    ]

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/registrations",
                     summary: "Find registrations at the counter (氏名・フリガナ・電話・法人番号検索): every filter given applies; by id, a page at a time (after_id, limit)",
                     tag: "registrations", access: .staff, parameters: searchParameters,
                     response: ["type": "array", "items": Schemas.ref("Registration")],
                     refusals: NameQuery.Code.self) { context in
                APIResponse.json(try await context.service.registrations.search(try search(context.request)))
            },
            Endpoint(.POST, "/registrations", summary: "Register a user (利用登録) with checked eligibility evidence",
                     tag: "registrations", access: .staff, requestBody: registrationBody, successStatus: .created,
                     response: Schemas.ref("Registration"),
                     refusals: Registrations.RegisterRefusal.self) { context in
                let input = try context.request.decodeBody(RegistrationInput.self)
                return context.answer(try await context.service.registrations.register(
                    input, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/registrations/{id}", summary: "A registration (a member: its own only)", tag: "registrations",
                     access: .staffOrMember, response: Schemas.ref("Registration"),
                     refusals: RegistrationLookupCode.self) { context in
                let id = try context.request.idParameter(notFound: RegistrationLookupCode.registrationNotFound)
                return APIResponse.json(try await context.service.registrations.registration(id: id, for: context.caller()))
            },
            Endpoint(.PATCH, "/registrations/{id}", summary: "Change a registration; `suspended_until` suspends, null lifts",
                     tag: "registrations", access: .staff,
                     requestBody: Schemas.object([
                        "category": .enumeration(BookingSchemas.categories), "name": .text(.name),
                        "name_kana": .nullable(.text(.optionalName)), "contact": .text(.optionalReason),
                        "postal_code": .nullable(.code), "address": .nullable(.text(.optionalName)),
                        "in_ward": .boolean, "evidence": BookingSchemas.evidence, "valid_until": .date,
                        "suspended_until": .nullable(.date)]),
                     response: Schemas.ref("Registration"),
                     refusals: Registrations.UpdateRefusal.self) { context in
                let id = try context.request.idParameter(notFound: RegistrationLookupCode.registrationNotFound)
                let patch = try context.request.decodeBody(RegistrationPatch.self)
                return APIResponse.json(try await context.service.registrations.update(id: id, patch, by: context.caller()))
            },
            Endpoint(.POST, "/registrations/{id}/renew", summary: "Renew (更新): the card is issued anew, valid two years from today; accepted from the renewal period before expiry (Config registration.renewal_window_days); a repeat changes nothing", tag: "registrations",
                     access: .staff, response: Schemas.ref("Registration"),
                     refusals: Registrations.RenewRefusal.self) { context in
                let id = try context.request.idParameter(notFound: RegistrationLookupCode.registrationNotFound)
                return context.answer(try await context.service.registrations.renew(
                    id: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/registrations/{id}/erase",
                     summary: "Erase the registration's personal data on the person's request (本人からの削除請求): names, contacts, evidence, guardians, lessee documents, member tokens; the anonymous figures stay. Refused while anything is booked or owed",
                     tag: "registrations", access: .staff, response: Schemas.ref("Erasure"),
                     refusals: Registrations.EraseRefusal.self) { context in
                let id = try context.request.idParameter(notFound: RegistrationLookupCode.registrationNotFound)
                return context.answer(try await context.service.registrations.erase(
                    id: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/registrations/{id}/tokens", summary: "Mint a member token for the registration (shown once)",
                     tag: "registrations", access: .staff, requestBody: Schemas.object(["name": .text(.name)]),
                     successStatus: .created, response: Schemas.object(["token": .string, "record": .ref("Token")]),
                     refusals: Registrations.MemberTokenRefusal.self) { context in
                let id = try context.request.idParameter(notFound: RegistrationLookupCode.registrationNotFound)
                let name = context.request.body.isEmpty ? nil : try context.request.decodeBody(TokenRequest.self).name
                let (token, record) = try await context.service.registrations.mintMemberToken(
                    registration: id, name: name ?? "Member of registration \(id)", by: context.caller())
                return APIResponse.json(MintedToken(token: token.secret, record: record), status: .created)
            },
        ]
    }

    /// The search `request` asks for; `invalid_parameter` (422) for a phone
    /// with too few digits, a corporate number that is not one, an unknown
    /// category or state; `search_query_invalid` for a blank or overlong `q`.
    static func search(_ request: HTTPRequest) throws -> RegistrationSearch {
        var search = RegistrationSearch()
        if let q = request.queryValue("q") { search.name = try NameQuery(q) }
        if let phone = request.queryValue("phone") {
            let digits = PhoneNumber(phone)?.digits ?? DigitText.digits(phone, droppingParentheses: true)
            guard DigitText.isDigits(digits), digits.utf8.count >= RegistrationSearch.minimumPhoneDigits else {
                throw RequestError.invalidParameter("phone", "`phone` must hold at least \(RegistrationSearch.minimumPhoneDigits) digits of a phone number, got \(TextRule.echo(phone))")
            }
            search.phoneDigits = digits
        }
        if let number = request.queryValue("corporate_number") {
            do throws(Refusal<CorporateNumber.Code>) {
                search.corporateNumber = try CorporateNumber(number)
            } catch {
                throw RequestError.invalidParameter("corporate_number", "`corporate_number`: \(error.message)")
            }
        }
        if let category = try request.choiceQuery("category", BookingSchemas.categories) {
            search.category = UserCategory(rawValue: category)
        }
        if let state = try request.choiceQuery("state", ["active", "suspended", "expired"]) {
            search.status = RegistrationStatus(rawValue: state)
        }
        search.afterID = try request.integerQuery("after_id", in: 0...InputRange.id.upperBound) ?? 0
        search.limit = try request.integerQuery("limit", in: 1...RegistrationSearch.maximumLimit) ?? RegistrationSearch.defaultLimit
        return search
    }
}
