import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Registrations (利用登録): create with eligibility evidence, read, change,
/// renew, and mint a member token for the registration's own account.
enum RegistrationEndpoints {
    struct TokenRequest: Decodable {
        let name: String?
    }

    struct MintedToken: Encodable {
        let token: String
        let record: TokenRecord
    }

    static let registrationBody = Schemas.object([
        "category": .enumeration(BookingSchemas.categories), "name": .text(.name), "contact": .text(.optionalReason), "in_ward": .boolean,
        "evidence": BookingSchemas.evidence, "valid_from": .date, "valid_until": .date],
        required: ["category", "name", "in_ward"])

    static var all: [Endpoint] {
        [
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
                        "category": .enumeration(BookingSchemas.categories), "name": .text(.name), "contact": .text(.optionalReason),
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
}
