/// The center's configuration (Config/center.json) for the booking rules:
/// facilities, divisions, category windows, quota, couplings, limits, payment,
/// refunds, penalties, fees, desks, lockers, storage, lottery rounds and the
/// waiting list (both optional: without them rooms are first come and
/// nobody waits). Keys are snake_case.
/// Unknown top-level keys (notably `calendar`, decoded by the calendar module)
/// are ignored. Check a decoded value with `validate()` before use.
public struct CenterConfiguration: Hashable, Sendable, Codable {
    /// Free-text note on the file's sources and placeholders (`_comment`).
    public var comment: String?
    /// Which kinds of value are placeholders (e.g. `fees`, `capacity`, `floor`).
    public var placeholders: [String]
    public var divisions: [Division]
    public var facilities: [Facility]
    public var categories: [CategoryWindow]
    public var registration: RegistrationValidity
    public var quota: CommunityQuota
    public var couplings: [RoomCoupling]
    public var limits: BookingLimits
    public var payment: PaymentDeadline
    public var refunds: RefundSchedule
    public var penalties: PenaltyPolicy
    public var fees: FeeRules
    public var desks: DeskConfiguration
    public var lockers: LockerConfiguration
    public var storage: StorageConfiguration
    /// The lottery rounds (抽選), `lottery`.
    public var lottery: LotteryConfiguration?
    /// The cancellation waiting list (キャンセル待ち), `waiting_list`.
    public var waitingList: WaitingListRules?

    enum CodingKeys: String, CodingKey {
        case comment = "_comment", placeholders, divisions, facilities, categories, registration, quota
        case couplings, limits, payment, refunds, penalties, fees, desks, lockers, storage, lottery
        case waitingList = "waiting_list"
    }

    /// Facilities by id (the first wins when ids repeat; `validate()` reports it).
    public var catalogue: [FacilityID: Facility] {
        Dictionary(facilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func facility(_ id: FacilityID) -> Facility? { facilities.first { $0.id == id } }

    public func window(for category: UserCategory) -> CategoryWindow? { categories.first { $0.category == category } }

    /// The quota of a facility with its overrides, nil when it is not a quota facility.
    public func quota(for id: FacilityID) -> CommunityQuota? {
        guard let facility = facility(id), facility.isQuotaFacility else { return nil }
        return quota.applying(facility.quota)
    }

    /// The couplings that apply to a facility.
    public func couplings(for id: FacilityID) -> [RoomCoupling] { couplings.filter { $0.facility == id } }

    /// The lottery round in which `category` enters for `facility`, if any.
    public func lotteryRound(for facility: FacilityID, category: UserCategory) -> LotteryRound? {
        lottery?.round(for: facility, category: category)
    }

    /// A fee calculator with these rules and divisions.
    public var feeCalculator: FeeCalculator { FeeCalculator(rules: fees, divisions: divisions) }
}
