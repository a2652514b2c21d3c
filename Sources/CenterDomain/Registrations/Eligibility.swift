/// Eligibility checks of a registration's evidence per category (利用資格).
///
/// Sources:
/// - community_group: 目的外使用運営要綱 第3条: ≥5 members, at least half living,
///   working or studying in the ward.
/// - small_business, SME-worker groups: 施行規則 第2条: ≥5 members, ≥60% SME
///   employees (6割以上), bylaws.
/// - small_business, a business: 中小企業基本法 第2条 size by sector (capital or
///   employees) and an office, place of business or address in the ward (条例 第2条).
/// - economic_group: 条例 第2条: an office in the ward.
/// - A corporate number, when given, must pass its check digit.
///
/// Each failure is `.invalid` with a stable code and the failing figures in details.
public enum Eligibility {
    /// Minimum members of a community group or SME-worker group.
    public static let minimumMembers = 5

    /// Checks `evidence` for `category`; throws the first failure.
    public static func check(_ evidence: RegistrationEvidence, for category: UserCategory) throws(DomainError) {
        if let number = evidence.corporateNumber {
            _ = try CorporateNumber(number)
        }
        switch category {
        case .ward, .general, .freelancer:
            return
        case .economicGroup:
            try requireOfficeInWard(evidence)
        case .communityGroup:
            let members = try requireMembers(evidence)
            let inWard = evidence.membersInWard ?? 0
            guard inWard * 2 >= members else {
                throw DomainError(.invalid, "ward_share_too_low",
                                  "At least half of a community group's members must live, work or study in Nakano.",
                                  details: ["member_count": String(members), "members_in_ward": String(inWard)])
            }
        case .smallBusiness:
            if evidence.isWorkerGroup == true {
                try checkWorkerGroup(evidence)
            } else {
                try checkBusiness(evidence)
            }
        }
    }

    static func checkWorkerGroup(_ evidence: RegistrationEvidence) throws(DomainError) {
        let members = try requireMembers(evidence)
        let sme = evidence.smeEmployeeMembers ?? 0
        guard sme * 10 >= members * 6 else {
            throw DomainError(.invalid, "sme_share_too_low",
                              "At least 60% of an SME-worker group's members must work for SMEs.",
                              details: ["member_count": String(members), "sme_employee_members": String(sme)])
        }
        guard evidence.hasBylaws == true else {
            throw DomainError(.invalid, "bylaws_required", "An SME-worker group needs written bylaws (規約又は会則).")
        }
    }

    static func checkBusiness(_ evidence: RegistrationEvidence) throws(DomainError) {
        guard let sector = evidence.sector else {
            throw DomainError(.invalid, "sme_sector_required", "The business sector is needed to check SME size.")
        }
        guard SMESize.isSME(sector: sector, capitalYen: evidence.capitalYen, regularEmployees: evidence.regularEmployees) else {
            let limit = SMESize.limits(for: sector)
            throw DomainError(.invalid, "not_an_sme", "Neither capital nor employees are within the SME limits of the sector.",
                              details: ["sector": sector.rawValue,
                                        "capital_limit_yen": String(limit.capitalYen),
                                        "employee_limit": String(limit.employees)])
        }
        try requireOfficeInWard(evidence)
    }

    static func requireMembers(_ evidence: RegistrationEvidence) throws(DomainError) -> Int {
        let members = evidence.memberCount ?? 0
        guard members >= minimumMembers else {
            throw DomainError(.invalid, "too_few_members", "A group needs at least \(minimumMembers) members.",
                              details: ["member_count": String(members), "minimum": String(minimumMembers)])
        }
        return members
    }

    static func requireOfficeInWard(_ evidence: RegistrationEvidence) throws(DomainError) {
        guard evidence.hasOfficeInWard == true else {
            throw DomainError(.invalid, "office_in_ward_required", "An office, place of business or address in Nakano ward is required.")
        }
    }
}
