/// What a fee is computed for: divisions of a room booked by division, or
/// the hours of an hourly room.
public struct FeeRequest: Hashable, Sendable {
    public var facility: Facility
    public var divisions: [DivisionID]
    /// For an hourly room (`unit: "hour"`): the hours booked.
    public var hours: HourRange?
    public var category: UserCategory
    /// Admission charged per person, in yen (0 when free).
    public var admissionYen: Int
    public var commercial: Bool
    public var outOfWard: Bool
    /// Exemption codes granted by staff (減免), besides automatic ones.
    public var exemptionCodes: [String]

    public init(facility: Facility, divisions: [DivisionID], category: UserCategory, admissionYen: Int = 0,
                commercial: Bool = false, outOfWard: Bool = false, exemptionCodes: [String] = [], hours: HourRange? = nil) {
        self.facility = facility
        self.divisions = divisions
        self.hours = hours
        self.category = category
        self.admissionYen = admissionYen
        self.commercial = commercial
        self.outOfWard = outOfWard
        self.exemptionCodes = exemptionCodes
    }
}

/// Computes a booking's fee (利用料金) with its breakdown.
///
/// Each division costs the facility's base fee times every applicable surcharge
/// (multiplicative, in whole percent, floored once per line); the hours of an
/// hourly room are one line of hours × `hourly_fee`, surcharged the same way. Booking
/// consecutive divisions includes the gap hour between them at no charge
/// (comparable wards: Koto, Ota), shown as a zero line. The largest applicable
/// exemption is taken off the subtotal (exemptions do not stack), and the total
/// is rounded down to `FeeRules.roundingUnit` (¥10).
public struct FeeCalculator: Sendable {
    public let rules: FeeRules
    /// The center's divisions, for their times.
    public let divisions: [Division]

    public init(rules: FeeRules, divisions: [Division]) {
        self.rules = rules
        self.divisions = divisions
    }

    /// The breakdown, or `division_not_offered`, `divisions_required`,
    /// `hours_required`, `facility_not_hourly` or `exemption_unknown`.
    public func fee(for request: FeeRequest) throws(Refusal<FeeCalculator.Code>) -> FeeBreakdown {
        let applied = rules.surcharges.filter { applies($0, to: request) }
        let (lines, gaps) = switch request.facility.unit {
        case .division: try divisionLines(request, applied)
        case .hour: try hourLines(request, applied)
        }
        let subtotal = lines.reduce(0) { $0 + $1.amount }
        let exemptions = try exemption(for: request).map { exemption in
            [FeeBreakdown.AppliedExemption(code: exemption.code, label: exemption.labelJa, percent: exemption.percent,
                                           amount: subtotal * exemption.percent / 100)]
        } ?? []
        let afterExemption = subtotal - exemptions.reduce(0) { $0 + $1.amount }
        let unit = max(rules.roundingUnit, 1)
        let rounding = -(afterExemption % unit)
        return FeeBreakdown(lines: lines,
                            surcharges: applied.map { .init(code: $0.code, label: $0.labelJa, multiplier: $0.multiplier) },
                            exemptions: exemptions, gapHoursFree: gaps, subtotal: subtotal,
                            rounding: rounding, total: afterExemption + rounding)
    }

    /// The base fee times every applied surcharge, floored once.
    func surcharged(_ base: Int, _ applied: [FeeRules.Surcharge]) -> Int {
        applied.reduce(base) { $0 * $1.percent } / applied.reduce(1) { acc, _ in acc * 100 }
    }

    func divisionLines(_ request: FeeRequest, _ applied: [FeeRules.Surcharge]) throws(Refusal<FeeCalculator.Code>)
        -> ([FeeBreakdown.Line], [FeeBreakdown.GapHours]) {
        let facility = request.facility
        guard request.hours == nil else {
            throw Refusal(.facilityNotHourly, "\(facility.nameEn) is booked by time division, not by the hour.",
                          details: ["facility": facility.id.rawValue])
        }
        guard !request.divisions.isEmpty else {
            throw Refusal(.divisionsRequired, "At least one division must be booked.")
        }
        let booked = facility.divisions.filter(request.divisions.contains)
        if let unknown = request.divisions.first(where: { !facility.divisions.contains($0) || facility.fees[$0] == nil }) {
            throw Refusal(.divisionNotOffered, "\(facility.id) is not booked in division \(TextRule.echo(unknown.rawValue)).",
                          details: ["facility": facility.id.rawValue, "division": unknown.rawValue])
        }
        var lines: [FeeBreakdown.Line] = []
        var gaps: [FeeBreakdown.GapHours] = []
        for (index, id) in booked.enumerated() {
            if index > 0, let gap = gap(between: booked[index - 1], and: id, in: facility) {
                gaps.append(gap)
                lines.append(.init(kind: "gap_hours", division: nil, label: "gap hours free \(gap.from)–\(gap.to)",
                                   base: 0, multipliers: [], amount: 0))
            }
            let base = facility.fees[id] ?? 0
            let name = divisions.first { $0.id == id }?.nameJa ?? id.rawValue
            lines.append(.init(kind: "division", division: id, label: name, base: base,
                               multipliers: applied.map(\.code), amount: surcharged(base, applied)))
        }
        return (lines, gaps)
    }

    /// One line for the hours of an hourly room: hours × `hourly_fee`.
    func hourLines(_ request: FeeRequest, _ applied: [FeeRules.Surcharge]) throws(Refusal<FeeCalculator.Code>)
        -> ([FeeBreakdown.Line], [FeeBreakdown.GapHours]) {
        let facility = request.facility
        if let division = request.divisions.first {
            throw Refusal(.divisionNotOffered, "\(facility.id) is booked by the hour, not in division \(TextRule.echo(division.rawValue)).",
                          details: ["facility": facility.id.rawValue, "division": division.rawValue])
        }
        guard let hours = request.hours, hours.hours >= 1 else {
            throw Refusal(.hoursRequired, "\(facility.nameEn) is booked by the hour: give the hours from and to.",
                          details: ["facility": facility.id.rawValue])
        }
        let base = hours.hours * (facility.hourlyFee ?? 0)
        let line = FeeBreakdown.Line(kind: "hours", division: nil, label: "\(hours.label)（\(hours.hours)時間）", base: base,
                                     multipliers: applied.map(\.code), amount: surcharged(base, applied), hours: hours.hours)
        return ([line], [])
    }

    func applies(_ surcharge: FeeRules.Surcharge, to request: FeeRequest) -> Bool {
        switch surcharge.trigger {
        case .admissionAbove: return request.admissionYen > (surcharge.thresholdYen ?? 0)
        case .commercial: return request.commercial
        case .outOfWard: return request.outOfWard
        }
    }

    /// The largest exemption granted or automatic for the category.
    func exemption(for request: FeeRequest) throws(Refusal<FeeCalculator.Code>) -> FeeRules.Exemption? {
        var granted: [FeeRules.Exemption] = []
        for code in request.exemptionCodes {
            guard let exemption = rules.exemptions.first(where: { $0.code == code }) else {
                throw Refusal(.exemptionUnknown, "No exemption has the code \(TextRule.echo(code)).", details: ["code": code])
            }
            granted.append(exemption)
        }
        granted += rules.exemptions.filter { $0.automaticFor == request.category }
        return granted.max { $0.percent < $1.percent }
    }

    /// The free gap between two divisions adjacent in the facility's day, if any.
    func gap(between earlier: DivisionID, and later: DivisionID, in facility: Facility) -> FeeBreakdown.GapHours? {
        guard let i = facility.divisions.firstIndex(of: earlier), facility.divisions.indices.contains(i + 1),
              facility.divisions[i + 1] == later,
              let a = divisions.first(where: { $0.id == earlier }), let b = divisions.first(where: { $0.id == later }),
              let end = a.endMinute, let start = b.startMinute, start > end else { return nil }
        return .init(from: a.end, to: b.start, minutes: start - end)
    }
}

extension FeeCalculator {
    /// What a fee cannot be computed for.
    public enum Code: String, ErrorCode {
        case divisionsRequired = "divisions_required"
        case divisionNotOffered = "division_not_offered"
        case exemptionUnknown = "exemption_unknown"
        case hoursRequired = "hours_required"
        case facilityNotHourly = "facility_not_hourly"
    }
}
