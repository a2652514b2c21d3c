/// The evidence checked for a registration (登録の確認事項): member counts,
/// ward share, SME size, corporate number, bylaws, office in the ward.
/// Every field is optional; which ones a category needs is decided by
/// `Eligibility`.
public struct RegistrationEvidence: Hashable, Sendable, Codable {
    /// Members on the roster (構成員名簿).
    public var memberCount: Int?
    /// Members living, working or studying in Nakano ward.
    public var membersInWard: Int?
    /// Members employed by SMEs (SME-worker groups).
    public var smeEmployeeMembers: Int?
    /// Written bylaws (規約又は会則).
    public var hasBylaws: Bool?
    /// An office, place of business or address in the ward.
    public var hasOfficeInWard: Bool?
    /// 法人番号, 13 digits.
    public var corporateNumber: String?
    /// SME size data for 中小企業基本法 第2条.
    public var sector: SMESector?
    public var capitalYen: Int?
    public var regularEmployees: Int?
    /// True for a group of SME workers rather than a business (small_business only).
    public var isWorkerGroup: Bool?

    public init(memberCount: Int? = nil, membersInWard: Int? = nil, smeEmployeeMembers: Int? = nil,
                hasBylaws: Bool? = nil, hasOfficeInWard: Bool? = nil, corporateNumber: String? = nil,
                sector: SMESector? = nil, capitalYen: Int? = nil, regularEmployees: Int? = nil,
                isWorkerGroup: Bool? = nil) {
        self.memberCount = memberCount
        self.membersInWard = membersInWard
        self.smeEmployeeMembers = smeEmployeeMembers
        self.hasBylaws = hasBylaws
        self.hasOfficeInWard = hasOfficeInWard
        self.corporateNumber = corporateNumber
        self.sector = sector
        self.capitalYen = capitalYen
        self.regularEmployees = regularEmployees
        self.isWorkerGroup = isWorkerGroup
    }

    enum CodingKeys: String, CodingKey {
        case memberCount = "member_count", membersInWard = "members_in_ward"
        case smeEmployeeMembers = "sme_employee_members", hasBylaws = "has_bylaws"
        case hasOfficeInWard = "has_office_in_ward", corporateNumber = "corporate_number"
        case sector, capitalYen = "capital_yen", regularEmployees = "regular_employees"
        case isWorkerGroup = "is_worker_group"
    }

    /// Counts within `InputRange.count`, capital within
    /// `InputRange.capitalYen`, the corporate number read as typed
    /// (`CorporateNumber.normalised`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        memberCount = try c.decodeIfPresent(Int.self, forKey: .memberCount, in: InputRange.count)
        membersInWard = try c.decodeIfPresent(Int.self, forKey: .membersInWard, in: InputRange.count)
        smeEmployeeMembers = try c.decodeIfPresent(Int.self, forKey: .smeEmployeeMembers, in: InputRange.count)
        hasBylaws = try c.decodeIfPresent(Bool.self, forKey: .hasBylaws)
        hasOfficeInWard = try c.decodeIfPresent(Bool.self, forKey: .hasOfficeInWard)
        corporateNumber = try c.decodeIfPresent(String.self, forKey: .corporateNumber).map(CorporateNumber.normalised)
        sector = try c.decodeIfPresent(SMESector.self, forKey: .sector)
        capitalYen = try c.decodeIfPresent(Int.self, forKey: .capitalYen, in: InputRange.capitalYen)
        regularEmployees = try c.decodeIfPresent(Int.self, forKey: .regularEmployees, in: InputRange.count)
        isWorkerGroup = try c.decodeIfPresent(Bool.self, forKey: .isWorkerGroup)
    }
}
