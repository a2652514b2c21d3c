import CalendarValues
import CenterDomain
import CenterService
import HTTPServer

/// `POST /registrations/{id}/signup-code`: the one-time code a member signs
/// up with on `/signup` (docs/SECURITY.md "Sign-up codes"), for a front desk
/// working through the API; the desk page issues the same codes.
enum SignUpCodeEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.POST, "/registrations/{id}/signup-code",
                     summary: "Issue the registration's one-time sign-up code (valid 14 days, shown once; an older unused code stops working). For a registration that has signed up, the code sets a new password",
                     tag: "registrations", access: .staff, successStatus: .created,
                     response: Schemas.object(["code": .string, "registration": .integer, "expires_at": .instant,
                                               "existing_login": .nullable(.string)],
                                              required: ["code", "registration", "expires_at", "existing_login"],
                                              example: ["code": "K7QM-4TXR-9HPW", "registration": 42,
                                                        "expires_at": "2026-12-16T09:40:00+09:00", "existing_login": .null]),
                     refusals: SignIn.IssueCodeRefusal.self) { context in
                let id = try context.request.idParameter(notFound: RegistrationLookupCode.registrationNotFound)
                let issued = try await context.service.signIn.issueSignUpCode(registration: id, by: context.caller())
                return APIResponse.json(IssuedCode(code: issued.code.display, registration: issued.registrationID,
                                                   expiresAt: issued.expiresAt, existingLogin: issued.existingLogin),
                                        status: .created)
            },
        ]
    }

    struct IssuedCode: Encodable {
        let code: String
        let registration: Int64
        let expiresAt: Instant
        let existingLogin: String?

        enum CodingKeys: String, CodingKey {
            case code, registration
            case expiresAt = "expires_at"
            case existingLogin = "existing_login"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(registration, forKey: .registration)
            try container.encode(expiresAt, forKey: .expiresAt)
            try container.encode(existingLogin, forKey: .existingLogin)
        }
    }
}
