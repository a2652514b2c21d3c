import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Tokens, the audit log and the caller's own identity.
enum AdminEndpoints {
    struct TokenRequest: Decodable {
        let role: Role
        let name: String
        let registrationID: Int64?
        let expiresAt: Instant?

        enum CodingKeys: String, CodingKey {
            case role, name
            case registrationID = "registration_id"
            case expiresAt = "expires_at"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            role = try c.decode(Role.self, forKey: .role)
            name = try c.decode(String.self, forKey: .name)
            registrationID = try c.decodeIfPresent(Int64.self, forKey: .registrationID, in: InputRange.id)
            expiresAt = try c.decodeInstantIfPresent(forKey: .expiresAt)
        }
    }

    struct MintedToken: Encodable {
        let token: String
        let record: TokenRecord
    }

    struct Me: Encodable {
        let role: Role
        let name: String
        let tokenID: Int64
        let registrationID: Int64?

        enum CodingKeys: String, CodingKey {
            case role, name
            case tokenID = "token_id"
            case registrationID = "registration_id"
        }
    }

    /// `after_id` of `/audit`: 0 (from the start) or an entry id.
    static let afterIDRange: ClosedRange<Int64> = 0...InputRange.id.upperBound
    /// `limit` of `/audit`.
    static let limitRange = 1...1000

    static var all: [Endpoint] {
        [
            Endpoint(.POST, "/tokens", summary: "Mint a token (shown once, stored hashed)", tag: "admin", access: .admin,
                     requestBody: Schemas.object(["role": .enumeration(Role.allCases.map(\.rawValue)), "name": .text(.name),
                                                  "registration_id": .id, "expires_at": .instant],
                                                 required: ["role", "name"]),
                     successStatus: .created,
                     response: Schemas.object(["token": .string, "record": .ref("Token")]),
                     refusals: TokenMintCode.self) { context in
                let input = try context.request.decodeBody(TokenRequest.self)
                let (token, record) = try await context.service.accounts.mintToken(
                    role: input.role, name: input.name, registrationID: input.registrationID,
                    expiresAt: input.expiresAt, by: context.caller().auditLabel)
                return APIResponse.json(MintedToken(token: token.secret, record: record), status: .created)
            },
            Endpoint(.POST, "/tokens/{id}/revoke", summary: "Revoke a token", tag: "admin", access: .admin,
                     successStatus: .noContent, response: ["type": "null"], refusals: TokenRevokeCode.self) { context in
                guard let id = Int64(context.request.pathParameter("id")) else {
                    throw Refusal(TokenRevokeCode.tokenNotFound, "token ids are integers")
                }
                try await context.service.accounts.revokeToken(id: id, by: context.caller().auditLabel)
                return HTTPResponse(status: .noContent)
            },
            Endpoint(.GET, "/audit", summary: "The append-only audit log: who changed what, when, before and after",
                     tag: "admin", access: .admin,
                     parameters: [QueryParameter("since", schema: Schemas.instantSchema, "Entries at or after this instant (RFC 3339); default: all"),
                                  QueryParameter("after_id", schema: Schemas.integerParameter(afterIDRange), "Continue after this entry id"),
                                  QueryParameter("limit", schema: Schemas.integerParameter(limitRange), "At most this many (default 500)")],
                     response: ["type": "array", "items": Schemas.ref("AuditEntry")],
                     refusals: NoRefusal.self) { context in
                let request = context.request
                let since = try request.instantQuery("since") ?? Instant(secondsSinceEpoch: 0)
                let afterID = try request.integerQuery("after_id", in: afterIDRange) ?? 0
                let limit = try request.integerQuery("limit", in: limitRange) ?? 500
                return APIResponse.json(try await context.service.accounts.auditEntries(since: since, afterID: afterID, limit: limit))
            },
            Endpoint(.GET, "/me", summary: "Who the token belongs to", tag: "members",
                     access: .roles(Set(Role.allCases)), response: Schemas.object(["role": .string, "name": .string, "token_id": .integer, "registration_id": .integer]), refusals: NoRefusal.self) { context in
                let actor = try context.caller()
                return APIResponse.json(Me(role: actor.role, name: actor.name, tokenID: actor.tokenID, registrationID: actor.registrationID))
            },
        ]
    }
}
