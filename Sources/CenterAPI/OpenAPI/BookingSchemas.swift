import CenterDomain
import CenterService
import JSON

/// The component schemas of registrations, bookings, availability, closures
/// and the community-quota report, referenced by the booking endpoints.
enum BookingSchemas {
    static let categories = ["ward", "economic_group", "small_business", "community_group", "general", "freelancer"]
    static let states = ["provisional", "paid", "checked_in", "done", "lapsed", "cancelled_by_user", "cancelled_by_center", "no_show"]

    static let evidence: Schemas.Field = .ref("RegistrationEvidence")

    static let components: [(String, JSONValue)] = [
        ("RegistrationEvidence", Schemas.object([
            "member_count": .integer(InputRange.count), "members_in_ward": .integer(InputRange.count),
            "sme_employee_members": .integer(InputRange.count), "has_bylaws": .boolean, "has_office_in_ward": .boolean,
            "corporate_number": .code, "sector": .enumeration(SMESector.allCases.map(\.rawValue)),
            "capital_yen": .integer(InputRange.capitalYen), "regular_employees": .integer(InputRange.count),
            "is_worker_group": .boolean])),
        ("Registration", Schemas.object([
            "id": .integer, "category": .enumeration(categories), "name": .string, "name_kana": .string, "contact": .string,
            "postal_code": .string, "address": .string, "in_ward": .boolean, "evidence": evidence, "valid_from": .date, "valid_until": .date,
            "status": .enumeration(["active", "suspended", "expired"]), "suspended_until": .date,
            "penalty_points": .integer, "created_at": .instant, "created_by": .string, "updated_at": .instant,
            "updated_by": .string, "erased_at": .instant, "issuer": .enumeration(RegistrationIssuer.allCases.map(\.rawValue)),
            "issuer_name_ja": .string],
            required: ["id", "category", "name", "valid_from", "valid_until", "status", "issuer", "issuer_name_ja"])),
        ("Erasure", Schemas.object([
            "registration": .integer, "reason": .enumeration(["request", "retention"]), "erased_at": .instant,
            "ended_on": .date, "rows": .any], required: ["registration", "reason", "erased_at", "ended_on", "rows"])),
        ("Booking", Schemas.object([
            "id": .integer, "registration": .integer, "category": .enumeration(categories), "facility": .string,
            "first_date": .date, "last_date": .date, "divisions": .array(.string),
            "purpose": .string, "attendees": .integer, "admission_charged": .integer, "commercial": .boolean,
            "out_of_ward": .boolean, "guardian": .string, "state": .enumeration(states), "fee_total": .integer,
            "fee": .ref("BookingFee"), "payment_deadline": .instant, "created_at": .instant, "created_by": .string,
            "paid_at": .instant, "checked_in_at": .instant, "cancelled_at": .instant, "cancelled_by": .string,
            "cancel_reason": .string, "refund": Schemas.Field.ref("Refund"), "cancelled_days": .array(.date),
            "source": .enumeration(BookingSource.allCases.map(\.rawValue)), "series": .integer,
            "coupling_approval": .ref("CouplingApproval"), "hours": .ref("BookingHours")],
            required: ["id", "registration", "facility", "first_date", "last_date", "divisions", "state", "fee_total",
                       "fee", "payment_deadline", "source"])),
        ("CouplingApproval", Schemas.object(["approved_by": .text(.name), "approved_at": .instant, "reason": .text(.reason)],
                                            required: ["approved_by", "reason"],
                                            example: ["approved_by": "館長 山田", "approved_at": "2026-11-25T10:00:00+09:00",
                                                      "reason": "創業セミナーの託児として使用（センターの目的に資する）"])),
        ("BookingHours", Schemas.object(["from": .text(minLength: 5, maxLength: 5), "to": .text(minLength: 5, maxLength: 5)],
                                        required: ["from", "to"],
                                        example: ["from": "09:00", "to": "11:00"])),
        ("BookingFee", Schemas.object(["days": .integer, "per_day": .ref("FeeBreakdown"), "total": .integer],
                                      required: ["days", "per_day", "total"])),
        ("FeeBreakdown", Schemas.object([
            "lines": .array(.any), "surcharges": .array(.any), "exemptions": .array(.any),
            "gap_hours_free": .array(.any), "subtotal": .integer, "rounding": .integer, "total": .integer],
            required: ["lines", "subtotal", "rounding", "total"])),
        ("Refund", Schemas.object(["percent": .integer, "amount": .integer], required: ["percent", "amount"])),
        ("AvailabilityDay", Schemas.object([
            "date": .date, "open": .boolean, "reasons": .array(.any), "divisions": .array(.ref("AvailabilitySlot"))],
            required: ["date", "open", "divisions"])),
        ("AvailabilitySlot", Schemas.object([
            "division": .string, "status": .enumeration(SlotStatus.Name.allCases.map(\.rawValue)),
            "booking": .integer, "own": .boolean, "release_date": .date, "opens": .date,
            "bookable_by": .array(.enumeration(categories)), "opens_by_category": .array(.ref("CategoryOpening"))],
            required: ["division", "status"])),
        ("CommunityQuotaLine", Schemas.object([
            "facility": .string, "month": .month, "share": .number, "bookable_units": .integer,
            "reserved_units": .integer, "non_community_ceiling": .integer, "community_units": .integer,
            "non_community_units": .integer, "released_units": .integer, "unused_reserved_units": .integer])),
    ]
}
