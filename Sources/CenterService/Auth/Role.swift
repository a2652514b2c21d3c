/// Who a caller is (docs/API.md "Roles"): `admin`, `staff` (front desk), `planner`
/// (roadmap), `member` (a registration's own account).
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case admin, staff, planner, member
}

/// The authenticated caller of a request: the token's id, role and name, and
/// for a member the registration it belongs to. Anonymous callers have none.
public struct Actor: Sendable, Hashable {
    public let tokenID: Int64
    public let role: Role
    public let name: String
    public let registrationID: Int64?

    public init(tokenID: Int64, role: Role, name: String, registrationID: Int64?) {
        self.tokenID = tokenID
        self.role = role
        self.name = name
        self.registrationID = registrationID
    }

    /// The label written into the audit log: `staff:Front desk#3`.
    public var auditLabel: String { "\(role.rawValue):\(name)#\(tokenID)" }
}
