import CalendarValues
@testable import CenterDomain

/// A round with Config/center.json's days and caps: the hall and gyms, six
/// months ahead, entries on the 1st–9th, the draw on the 10th at 10:00,
/// first come from the 15th at 09:00, 4 entries and 8 units per
/// registration. It takes three categories and an economic groups' tier so
/// that one round's rules are tested for each; the configuration gives each
/// category its own round at its window (CenterConfigurationTests).
enum LotteryFixtures {
    typealias F = RulesFixtures

    static let tiers = [
        LotteryTier(id: "economic_group", categories: [.economicGroup]),
        LotteryTier(id: "in_ward", inWard: true),
        LotteryTier(id: "out_of_ward", inWard: false),
    ]

    static let round = LotteryRound(
        id: "halls", nameJa: "多目的ホール・体育室", nameEn: "Hall and gymnasiums",
        facilities: ["multipurpose-hall", "gym"], participants: [.economicGroup, .smallBusiness, .general],
        monthsBefore: 6, entry: .init(fromDay: 1, toDay: 9), draw: .init(day: 10, time: LocalTime("10:00")!),
        firstCome: .init(day: 15, time: LocalTime("09:00")!), maxEntriesPerRegistration: 4, maxWinsPerRegistration: 8,
        tiers: tiers)

    /// A fixed seed (64 hex digits) and its commitment.
    static let seed = LotterySeed(hex: String(repeating: "0123456789abcdef", count: 4))!

    static func slot(_ facility: FacilityID, _ date: String, _ division: DivisionID) -> DivisionSlot {
        DivisionSlot(facility: facility, date: F.day(date), division: division)
    }

    static func entry(_ id: String, _ applicant: String, _ facility: FacilityID = "gym", _ date: String = "2027-01-05",
                      _ divisions: [DivisionID] = [.am]) -> LotteryEntry {
        LotteryEntry(id: id, applicant: applicant, facility: facility, date: F.day(date), divisions: divisions)
    }

    static func applicant(_ id: String, _ tier: String = "in_ward", wins: Int = 8) -> LotteryApplicant {
        LotteryApplicant(id: id, tier: tier, winsAllowed: wins)
    }

    /// Every division of `facility` on 2027-01-05 and 2027-01-06.
    static func available(_ facility: FacilityID = "gym") -> [DivisionSlot] {
        ["2027-01-05", "2027-01-06"].flatMap { date in [DivisionID.am, .pm, .night].map { slot(facility, date, $0) } }
    }

    static func ballot(applicants: [LotteryApplicant], entries: [LotteryEntry], available: [DivisionSlot] = available(),
                       quota: [LotteryQuota] = [], seed: LotterySeed? = seed) -> LotteryBallot {
        LotteryBallot(round: "halls", month: F.month("2027-01"), commitment: LotteryFixtures.seed.commitment, seed: seed,
                      tiers: tiers.map(\.id), available: available, quota: quota, applicants: applicants, entries: entries)
    }
}
