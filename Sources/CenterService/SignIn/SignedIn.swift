import CalendarValues

/// A person signed in to the pages: their account, role and session.
public struct SignedIn: Sendable, Equatable {
    public let accountID: Int64
    public let login: String
    public let role: Role
    /// A member's registration.
    public let registrationID: Int64?
    public let sessionID: Int64
    /// The session's secret (from its cookie), for its form token.
    public let token: SessionToken

    /// The label in the audit log: `staff:desk1 (account 3)`. A member's
    /// is `member: account 7` without the login, which the member chose and
    /// may name them (the account row ties it to the registration).
    public var auditLabel: String { Self.auditLabel(accountID: accountID, login: login, role: role) }

    static func auditLabel(accountID: Int64, login: String, role: Role) -> String {
        role == .member ? "member: account \(accountID)" : "\(role.rawValue):\(login) (account \(accountID))"
    }

    /// The person as the use cases take a caller.
    public var actor: Actor { Actor(accountID: accountID, role: role, login: login, registrationID: registrationID) }

    /// The token every form of this session's pages carries.
    public var formToken: String { token.formToken }
}

/// A session just begun: its cookie's secret and who it is.
public struct NewSession: Sendable {
    public let token: SessionToken
    public let signedIn: SignedIn
}

/// A person's account, as listed and audited (never its password).
public struct UserAccount: Sendable, Equatable, Encodable {
    public let id: Int64
    public let login: String
    public let role: Role
    public let registrationID: Int64?
    public let createdAt: Instant
    public let disabledAt: Instant?

    enum CodingKeys: String, CodingKey {
        case id, login, role
        case registrationID = "registration_id"
        case createdAt = "created_at"
        case disabledAt = "disabled_at"
    }
}

/// A code just issued, for the registration slip: shown once.
public struct IssuedSignUpCode: Sendable {
    public let code: SignUpCode
    public let registrationID: Int64
    public let registrationName: String
    public let expiresAt: Instant
    /// The member's login when the registration has an account already:
    /// the code then sets a new password (a forgotten one).
    public let existingLogin: String?
}
