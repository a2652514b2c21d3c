/// Who a caller is (docs/API.md "Roles"): `admin`, `staff` (front desk), `planner`
/// (roadmap), `member` (a registration's own account).
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case admin, staff, planner, member
}

/// The authenticated caller of a request: the token's id, role and name, and
/// for a member the registration it belongs to. Anonymous callers have none.
/// A person signed in to the pages is an actor too, by their account
/// (`SignedIn.actor`): `accountID` is set and `tokenID` is 0.
public struct Actor: Sendable, Hashable {
    public let tokenID: Int64
    public let role: Role
    public let name: String
    public let registrationID: Int64?
    /// The sign-in account of a person on the pages; nil for a token.
    public let accountID: Int64?

    public init(tokenID: Int64, role: Role, name: String, registrationID: Int64?) {
        self.tokenID = tokenID
        self.role = role
        self.name = name
        self.registrationID = registrationID
        accountID = nil
    }

    init(accountID: Int64, role: Role, login: String, registrationID: Int64?) {
        tokenID = 0
        self.role = role
        name = login
        self.registrationID = registrationID
        self.accountID = accountID
    }

    /// The label written into the audit log: `staff:Front desk#3` for a
    /// token, `staff:desk1 (account 3)` for a person signed in to the pages.
    public var auditLabel: String {
        guard let accountID else { return "\(role.rawValue):\(name)#\(tokenID)" }
        return SignedIn.auditLabel(accountID: accountID, login: name, role: role)
    }
}
