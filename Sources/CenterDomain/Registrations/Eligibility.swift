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
/// Each failure has a stable code (`Eligibility.Code`) and the failing figures in details.
public enum Eligibility {
    /// Minimum members of a community group or SME-worker group.
    public static let minimumMembers = 5

    /// Checks `evidence` for `category`; throws the first failure.
    public static func check(_ evidence: RegistrationEvidence, for category: UserCategory) throws(Refusal<Eligibility.Code>) {
        if let number = evidence.corporateNumber {
            do throws(Refusal<CorporateNumber.Code>) {
                _ = try CorporateNumber(number)
            } catch {
                throw error.recast(as: .corporateNumberInvalid)
            }
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
                throw Refusal(.wardShareTooLow, "At least half of a community group's members must live, work or study in Nakano.",
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

    static func checkWorkerGroup(_ evidence: RegistrationEvidence) throws(Refusal<Eligibility.Code>) {
        let members = try requireMembers(evidence)
        let sme = evidence.smeEmployeeMembers ?? 0
        guard sme * 10 >= members * 6 else {
            throw Refusal(.smeShareTooLow, "At least 60% of an SME-worker group's members must work for SMEs.",
                          details: ["member_count": String(members), "sme_employee_members": String(sme)])
        }
        guard evidence.hasBylaws == true else {
            throw Refusal(.bylawsRequired, "An SME-worker group needs written bylaws (規約又は会則).")
        }
    }

    static func checkBusiness(_ evidence: RegistrationEvidence) throws(Refusal<Eligibility.Code>) {
        guard let sector = evidence.sector else {
            throw Refusal(.smeSectorRequired, "The business sector is needed to check SME size.")
        }
        guard SMESize.isSME(sector: sector, capitalYen: evidence.capitalYen, regularEmployees: evidence.regularEmployees) else {
            let limit = SMESize.limits(for: sector)
            throw Refusal(.notAnSme, "Neither capital nor employees are within the SME limits of the sector.",
                          details: ["sector": sector.rawValue,
                                        "capital_limit_yen": String(limit.capitalYen),
                                        "employee_limit": String(limit.employees)])
        }
        try requireOfficeInWard(evidence)
    }

    static func requireMembers(_ evidence: RegistrationEvidence) throws(Refusal<Eligibility.Code>) -> Int {
        let members = evidence.memberCount ?? 0
        guard members >= minimumMembers else {
            throw Refusal(.tooFewMembers, "A group needs at least \(minimumMembers) members.",
                          details: ["member_count": String(members), "minimum": String(minimumMembers)])
        }
        return members
    }

    static func requireOfficeInWard(_ evidence: RegistrationEvidence) throws(Refusal<Eligibility.Code>) {
        guard evidence.hasOfficeInWard == true else {
            throw Refusal(.officeInWardRequired, "An office, place of business or address in Nakano ward is required.")
        }
    }
}

extension Eligibility {
    /// What a category's eligibility evidence is refused with.
    public enum Code: String, ErrorCode {
        case wardShareTooLow = "ward_share_too_low"
        case smeShareTooLow = "sme_share_too_low"
        case bylawsRequired = "bylaws_required"
        case smeSectorRequired = "sme_sector_required"
        case notAnSme = "not_an_sme"
        case tooFewMembers = "too_few_members"
        case officeInWardRequired = "office_in_ward_required"
        case corporateNumberInvalid = "corporate_number_invalid"
    }
}
