import CalendarValues

/// A lottery round (抽選) for a group of rooms: once a month, the entries for
/// the month `monthsBefore` months ahead are taken from `entry.fromDay` to
/// `entry.toDay`, drawn at `draw`, and the slots left unwon open first come
/// at `firstCome`. Only the `participants` enter, and for them the round
/// takes the place of their window's opening on these rooms
/// (`checkFirstCome`): the participants' windows open on the 1st of the
/// month `monthsBefore` months before the month of use (checked at load), so
/// a round moves nobody's window earlier or later, and each category keeps
/// its place in the order of windows (economic groups draw six months ahead,
/// before small businesses and general users have entered).
///
/// Sources (values are placeholders, `lottery` in Config/center.json):
/// Nerima 区民・産業プラザ takes applications on the 1st–9th of the month six
/// months ahead for a lottery, at most 8 slots a month per user and at most 4
/// lottery entries; Toshima IKE・Biz draws on the 1st; Minato 産業振興センター
/// draws in-ward groups before out-of-ward ones. Community groups book first
/// come ("申込みの順序により", 目的外使用規則 第2条) and never enter a round.
/// docs/DOMAIN.md "Lottery rounds (抽選)".
public struct LotteryRound: Hashable, Sendable, Codable {
    /// The days of the month entries are taken, both included.
    public struct EntryDays: Hashable, Sendable, Codable {
        public var fromDay: Int
        public var toDay: Int

        public init(fromDay: Int, toDay: Int) {
            self.fromDay = fromDay
            self.toDay = toDay
        }

        enum CodingKeys: String, CodingKey { case fromDay = "from_day", toDay = "to_day" }
    }

    /// A day of the entry month and a time of that day in Japan.
    public struct DayTime: Hashable, Sendable, Codable {
        public var day: Int
        public var time: LocalTime

        public init(day: Int, time: LocalTime) {
            self.day = day
            self.time = time
        }
    }

    /// Stable kebab-case id (`halls`).
    public var id: String
    public var nameJa: String
    public var nameEn: String
    /// The rooms drawn together; one facility class (ordinance category), so
    /// the monthly limit counts the round's wins in one class.
    public var facilities: [FacilityID]
    /// The categories that enter, all of one window; never `community_group`.
    public var participants: [UserCategory]
    /// The round for a month of use runs this many months before it: the
    /// participants' window (`first_of_month`, this many months).
    public var monthsBefore: Int
    public var entry: EntryDays
    public var draw: DayTime
    /// When the slots nobody won open first come.
    public var firstCome: DayTime
    /// Live entries one registration may hold in a round (Nerima: 4).
    public var maxEntriesPerRegistration: Int
    /// Division-units one registration may win in a round (Nerima: 8 a month).
    public var maxWinsPerRegistration: Int
    /// Highest first.
    public var tiers: [LotteryTier]

    public init(id: String, nameJa: String, nameEn: String, facilities: [FacilityID], participants: [UserCategory],
                monthsBefore: Int, entry: EntryDays, draw: DayTime, firstCome: DayTime,
                maxEntriesPerRegistration: Int, maxWinsPerRegistration: Int, tiers: [LotteryTier]) {
        self.id = id
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.facilities = facilities
        self.participants = participants
        self.monthsBefore = monthsBefore
        self.entry = entry
        self.draw = draw
        self.firstCome = firstCome
        self.maxEntriesPerRegistration = maxEntriesPerRegistration
        self.maxWinsPerRegistration = maxWinsPerRegistration
        self.tiers = tiers
    }

    enum CodingKeys: String, CodingKey {
        case id, nameJa = "name_ja", nameEn = "name_en", facilities, participants
        case monthsBefore = "months_before", entry, draw, firstCome = "first_come"
        case maxEntriesPerRegistration = "max_entries_per_registration"
        case maxWinsPerRegistration = "max_wins_per_registration", tiers
    }

    /// The month in which the round for `useMonth` takes entries.
    public func entryMonth(for useMonth: YearMonth) -> YearMonth { useMonth.adding(months: -monthsBefore) }

    /// The instants of the round for `useMonth`.
    public func schedule(for useMonth: YearMonth) -> LotterySchedule {
        let month = entryMonth(for: useMonth)
        func day(_ n: Int) -> LocalDate { month.firstDay.adding(days: n - 1) }
        return LotterySchedule(round: id, useMonth: useMonth,
                               entryOpens: Instant(japanDate: day(entry.fromDay)),
                               entryCloses: Instant(japanDate: day(entry.toDay + 1)).adding(seconds: -1),
                               drawAt: draw.time.on(day(draw.day)),
                               firstComeOpens: firstCome.time.on(day(firstCome.day)))
    }

    /// Whether `facility` is drawn in this round.
    public func includes(_ facility: FacilityID) -> Bool { facilities.contains(facility) }

    /// The tier of a registration of `category`, in the ward or not; nil when
    /// no tier takes it (`validate()` makes sure every participant has one).
    public func tier(category: UserCategory, inWard: Bool) -> LotteryTier? {
        tiers.first { $0.matches(category: category, inWard: inWard) }
    }

    /// The units a registration may win: the round's cap, and no more than
    /// the monthly limit leaves after the `unitsHeld` it already holds in the
    /// round's facility class that month (none for an exempt category).
    public func winsAllowed(category: UserCategory, unitsHeld: Int, limit: MonthlyLimit) -> Int {
        guard !limit.exemptCategories.contains(category) else { return maxWinsPerRegistration }
        return min(maxWinsPerRegistration, max(0, limit.maxUnits - unitsHeld))
    }
}
