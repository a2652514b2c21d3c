import CalendarValues

/// Room couplings (併用条件): rooms that may only be booked together with another.
///
/// Source: 施行規則 第4条:
/// - 調理室 (cooking-room) only together with 和室 (japanese-room) or 創作室
///   (creative-room) for the same time (amended 令和4年 規則15);
/// - 保育室 (nursery-room) only for users of another category 1 or 2 facility
///   at the same time, who name a guardian (保護者) or a dedicated childcare
///   worker (専任の保育者) in advance (第4条1項1号), or alone where staff judge
///   that its use serves the center's purpose (第4条1項2号): a coupling with
///   `staff_approval_lifts` is lifted by a `CouplingApproval`, guardian
///   included (that requirement belongs to 第1号's case).
public struct RoomCoupling: Hashable, Sendable, Codable {
    /// The room that needs a companion.
    public let facility: FacilityID
    /// Companion rooms by id, any one of which satisfies the rule.
    public let requiresAnyOf: [FacilityID]
    /// Companion rooms by ordinance category, any room of which satisfies the rule.
    public let requiresAnyOfCategories: [Int]
    /// Whether the companion must be held by the same registration.
    public let sameRegistration: Bool
    /// Whether a named guardian or childcare worker is required.
    public let guardianRequired: Bool
    /// Whether a staff approval lets the room be used alone (保育室: 施行規則 第4条1項2号).
    public let staffApprovalLifts: Bool

    public init(facility: FacilityID, requiresAnyOf: [FacilityID] = [], requiresAnyOfCategories: [Int] = [],
                sameRegistration: Bool = true, guardianRequired: Bool = false, staffApprovalLifts: Bool = false) {
        self.facility = facility
        self.requiresAnyOf = requiresAnyOf
        self.requiresAnyOfCategories = requiresAnyOfCategories
        self.sameRegistration = sameRegistration
        self.guardianRequired = guardianRequired
        self.staffApprovalLifts = staffApprovalLifts
    }

    enum CodingKeys: String, CodingKey {
        case facility, requiresAnyOf = "requires_any_of", requiresAnyOfCategories = "requires_any_of_categories"
        case sameRegistration = "same_registration", guardianRequired = "guardian_required"
        case staffApprovalLifts = "staff_approval_lifts"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        facility = try c.decode(FacilityID.self, forKey: .facility)
        requiresAnyOf = try c.decodeIfPresent([FacilityID].self, forKey: .requiresAnyOf) ?? []
        requiresAnyOfCategories = try c.decodeIfPresent([Int].self, forKey: .requiresAnyOfCategories) ?? []
        sameRegistration = try c.decodeIfPresent(Bool.self, forKey: .sameRegistration) ?? true
        guardianRequired = try c.decodeIfPresent(Bool.self, forKey: .guardianRequired) ?? false
        staffApprovalLifts = try c.decodeIfPresent(Bool.self, forKey: .staffApprovalLifts) ?? false
    }

    /// The 施行規則 第4条 couplings.
    public static let ordinanceDefaults: [RoomCoupling] = [
        RoomCoupling(facility: "cooking-room", requiresAnyOf: ["japanese-room", "creative-room"]),
        RoomCoupling(facility: "nursery-room", requiresAnyOfCategories: [1, 2], guardianRequired: true, staffApprovalLifts: true),
    ]

    /// Checks a request for this coupling's room on `date` in `divisions`.
    /// `companions` are live units (including the rest of the same request).
    /// With a staff `approval` the room may be used alone where the coupling
    /// allows it, and `coupling_approval_not_allowed` is refused where it
    /// does not (the 調理室). Without one it refuses `coupling_required`
    /// naming the first uncovered division, then `guardian_required` when no
    /// guardian is named.
    public func check(registration: String, date: LocalDate, divisions: [DivisionID], companions: [BookedUnit],
                      catalogue: [FacilityID: Facility], guardian: String?,
                      approval: CouplingApproval? = nil) throws(Refusal<RoomCoupling.Code>) {
        if approval != nil {
            guard staffApprovalLifts else {
                throw Refusal(.couplingApprovalNotAllowed, "\(facility) cannot be used alone, even with an approval.",
                              details: ["facility": facility.rawValue])
            }
            return
        }
        for division in divisions {
            let covered = companions.contains { unit in
                unit.date == date && unit.division == division && unit.facility != facility
                    && (!sameRegistration || unit.registration == registration)
                    && satisfies(unit.facility, catalogue: catalogue)
            }
            guard covered else {
                let names = requiresAnyOf.map(\.rawValue) + requiresAnyOfCategories.map { "category-\($0)" }
                throw Refusal(.couplingRequired, "\(facility) may only be booked together with \(names.joined(separator: " or ")).",
                              details: ["facility": facility.rawValue, "date": date.description,
                                        "division": division.rawValue, "requires_any_of": names.joined(separator: ",")])
            }
        }
        if guardianRequired {
            let named = guardian.map { !$0.allSatisfy(\.isWhitespace) } ?? false
            guard named else {
                throw Refusal(.guardianRequired, "\(facility) needs a named guardian or childcare worker.",
                              details: ["facility": facility.rawValue])
            }
        }
    }

    func satisfies(_ companion: FacilityID, catalogue: [FacilityID: Facility]) -> Bool {
        if requiresAnyOf.contains(companion) { return true }
        guard let category = catalogue[companion]?.category else { return false }
        return requiresAnyOfCategories.contains(category) && catalogue[companion]?.bookable == true
    }
}

extension RoomCoupling {
    /// What a coupled room is refused without.
    public enum Code: String, ErrorCode {
        case couplingRequired = "coupling_required"
        case guardianRequired = "guardian_required"
        case couplingApprovalNotAllowed = "coupling_approval_not_allowed"
    }
}
