import CalendarValues

/// The monthly cap (月間利用上限): at most `maxUnits` division-units per
/// registration per calendar month per facility class.
///
/// Configurable default, comparable wards: Nakano's city-hall spaces allow 8
/// divisions a month per group (raised from 4 on 2024-11-01), Nerima 8 slots.
/// A facility's class is its ordinance category (条例 第4条), or its kind for
/// the new facilities.
public struct MonthlyLimit: Hashable, Sendable, Codable {
    public var maxUnits: Int
    /// Categories the cap does not apply to (default: the ward's own use).
    public var exemptCategories: [UserCategory]

    public init(maxUnits: Int = 8, exemptCategories: [UserCategory] = [.ward]) {
        self.maxUnits = maxUnits
        self.exemptCategories = exemptCategories
    }

    enum CodingKeys: String, CodingKey { case maxUnits = "max_units_per_month", exemptCategories = "exempt_categories" }

    /// The class a facility is counted in: `category-1`, `category-2`, … or its kind.
    public static func facilityClass(of facility: Facility) -> String {
        facility.category.map { "category-\($0)" } ?? facility.kind.rawValue
    }

    /// Units the registration holds in `month` on facilities of `facilityClass`.
    public static func unitsBooked(registration: String, month: YearMonth, facilityClass: String,
                                   bookings: [BookedUnit], catalogue: [FacilityID: Facility]) -> Int {
        bookings.filter { unit in
            unit.registration == registration && unit.date.yearMonth == month
                && catalogue[unit.facility].map(facilityClass(of:)) == facilityClass
        }.count
    }

    /// Refuses `monthly_limit_reached` when `alreadyBooked + requested` exceeds the cap.
    public func check(category: UserCategory, month: YearMonth, facilityClass: String,
                      alreadyBooked: Int, requested: Int) throws(Refusal<MonthlyLimit.Code>) {
        guard !exemptCategories.contains(category) else { return }
        guard alreadyBooked + requested <= maxUnits else {
            throw Refusal(.monthlyLimitReached, "At most \(maxUnits) divisions a month may be booked in this facility class.",
                          details: ["month": month.description, "facility_class": facilityClass,
                                        "limit": String(maxUnits), "booked": String(alreadyBooked),
                                        "requested": String(requested)])
        }
    }
}

extension MonthlyLimit {
    /// What a month already full is refused with.
    public enum Code: String, ErrorCode {
        case monthlyLimitReached = "monthly_limit_reached"
    }
}
