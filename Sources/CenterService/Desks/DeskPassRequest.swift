import CalendarValues
import CenterDomain

/// A request for a desk pass (フリーデスク利用申込, `POST /desk-passes`,
/// docs/DOMAIN.md "Flexible desks"): a date, a period
/// (`am`, `pm`, `night` or `day`), a named desk or any desk, and the
/// registration (a member's own when omitted; staff must name it).
public struct DeskPassRequest: Sendable, Hashable, Decodable {
    public var date: LocalDate
    public var period: String
    public var desk: FacilityID?
    public var registration: Int64?

    public init(date: LocalDate, period: String, desk: FacilityID? = nil, registration: Int64? = nil) {
        self.date = date
        self.period = period
        self.desk = desk
        self.registration = registration
    }

    enum CodingKeys: String, CodingKey { case date, period, desk, registration }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        period = try c.decode(String.self, forKey: .period)
        desk = try c.decodeIfPresent(FacilityID.self, forKey: .desk)
        registration = try c.decodeIfPresent(Int64.self, forKey: .registration, in: InputRange.id)
    }

    /// The registration the pass is for: a member's own (another id is
    /// `registration_not_found`, 404), or the one staff named
    /// (`registration_required`, 422, when none).
    func holder(for actor: Actor) throws -> Int64 {
        if let registration {
            try Registrations.requireOwn(registration: registration, actor: actor)
            return registration
        }
        if actor.role == .member, let own = actor.registrationID { return own }
        throw Refusal(DeskPassRequestCode.registrationRequired, "Staff book a desk pass for a named registration.")
    }
}
