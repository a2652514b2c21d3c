import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Mobile lockers usable as a registered address (法人登記用ロッカー): their
/// state, leases, the waitlist and its offers. Staff only, but a member sees
/// its own leases (`/me/locker-leases`). Rules: docs/DOMAIN.md
/// "Mobile lockers", `LockerLeaseTerms`, `LockerLessee`, `LockerWaitlist`.
enum LockerEndpoints {
    static let leaseRefusals = ["invalid_body", "registration_required", "registration_not_found", "registration_not_active",
                                "registration_expired", "invalid_corporate_number", "corporate_number_mismatch", "lessee_kind_required", "invalid_check", "start_month_past", "start_month_too_far",
                                "lease_term_too_short", "lease_term_too_long", "company_has_lease", "locker_not_found",
                                "locker_not_free", "no_locker_free", "idempotency_key_invalid", "idempotency_key_reused"]

    /// 13 digits (法人番号); full-width digits and hyphens are read too.
    static let corporateNumberSchema: JSONValue = [
        "type": "string", "maxLength": .int(TextRule.anyText.maximumLength),
        "description": "13 digits; typed in full width or with hyphens (1234-5678-9012-3) it is read as its digits",
        "example": "7000012050002",
    ]

    static let checkSchema = Schemas.object(["document": .text(.name), "checked_by": .text(.name), "checked_on": .date],
                                            required: ["document", "checked_by", "checked_on"])

    static let leaseTermsBody: JSONValue = .object([
        ("type", "object"),
        ("properties", .object([
            ("registration", Schemas.Field.id.schema), ("locker", Schemas.Field.code.schema),
            ("start_month", ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"]),
            ("months", Schemas.Field.integer(LockerLeaseRequest.monthRange).schema),
            ("corporate_number", corporateNumberSchema), ("founder", ["type": "boolean"]),
            ("identity_check", Schemas.ref("LesseeCheck")), ("registry_extract_check", Schemas.ref("LesseeCheck")),
        ])),
        ("required", ["start_month", "months", "identity_check"]),
    ])

    /// Component schemas of the locker endpoints.
    static let components: [(String, JSONValue)] = [
        ("LesseeCheck", checkSchema),
        ("LockerState", Schemas.object(["id": .string, "state": .enumeration(["free", "leased", "offered", "cooling_off"]),
                                        "until": .nullable(.date), "lease": .nullable(.integer), "offer": .nullable(.integer)],
                                       required: ["id", "state"])),
        ("LockerLease", Schemas.object(["id": .integer, "locker": .string, "registration": .integer,
                                        "corporate_number": .nullable(.string), "founder": .boolean,
                                        "corporate_number_due": .nullable(.date), "start_date": .date, "months": .integer,
                                        "end_date": .date, "monthly_fee": .integer, "amount_owed": .integer,
                                        "identity_check": .ref("LesseeCheck"), "registry_extract_check": .nullable(.ref("LesseeCheck")),
                                        "state": .enumeration(["active", "ended", "cancelled"]),
                                        "ended_reason": .nullable(.enumeration(["terminated", "expired", "cancelled"])),
                                        "ended_on": .nullable(.date), "address_moved_on": .nullable(.date),
                                        "relettable_from": .nullable(.date), "offer": .nullable(.integer),
                                        "created_at": .instant, "created_by": .string, "updated_at": .instant, "updated_by": .string],
                                       required: ["id", "locker", "registration", "start_date", "months", "end_date",
                                                  "monthly_fee", "amount_owed", "state"])),
        ("LockerOffer", Schemas.object(["id": .integer, "waitlist_entry": .integer, "registration": .integer, "locker": .string,
                                        "offered_on": .date, "expires_on": .date,
                                        "state": .enumeration(["open", "accepted", "declined", "expired"])])),
        ("LockerWaitlistEntry", Schemas.object(["id": .integer, "registration": .integer, "note": .string, "applied_at": .instant,
                                                "state": .enumeration(["waiting", "offered", "accepted", "declined", "expired", "withdrawn"]),
                                                "position": .nullable(.integer), "offer": .nullable(.ref("LockerOffer"))])),
    ]

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/lockers", summary: "Each locker's state today: free, leased, offered or cooling_off (with until)",
                     tag: "lockers", access: .staff, response: ["type": "array", "items": Schemas.ref("LockerState")]) { context in
                APIResponse.json(try await context.service.lockers.all())
            },
            Endpoint(.POST, "/locker-leases", summary: "Let a locker (the one named, or the next free one); fee and amount owed",
                     tag: "lockers", access: .staff, requestBody: leaseTermsBody, successStatus: .created,
                     response: Schemas.ref("LockerLease"), errorCodes: leaseRefusals) { context in
                let request = try context.request.decodeBody(LockerLeaseRequest.self)
                return context.answer(try await context.service.lockers.lease(
                    request, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/locker-leases", summary: "Leases, ending soonest first; `ending_within_days` lists active leases due for a reminder",
                     tag: "lockers", access: .staff,
                     parameters: [QueryParameter("ending_within_days", schema: Schemas.integerParameter(LockerQuery.endingWithinDays),
                                                 "Active leases ending between today and this many days ahead"),
                                  QueryParameter("state", schema: ["type": "string", "enum": .array(LockerQuery.states.map { .string($0) })],
                                                 "Leases in this state (default active)"),
                                  QueryParameter("registration", schema: Schemas.integerParameter(InputRange.id), "Leases of this registration")],
                     response: ["type": "array", "items": Schemas.ref("LockerLease")], errorCodes: ["invalid_parameter"]) { context in
                let request = context.request
                let state = try request.choiceQuery("state", LockerQuery.states)
                let registration = try request.integerQuery("registration", in: InputRange.id)
                return APIResponse.json(try await context.service.lockers.leases(
                    endingWithinDays: try request.integerQuery("ending_within_days", in: LockerQuery.endingWithinDays), state: state,
                    registration: registration))
            },
            Endpoint(.GET, "/me/locker-leases", summary: "The calling member's own locker leases", tag: "members",
                     access: .roles([.member]),
                     parameters: [QueryParameter("state", schema: ["type": "string", "enum": .array(LockerQuery.states.map { .string($0) })],
                                                 "Leases in this state (default active)")],
                     response: ["type": "array", "items": Schemas.ref("LockerLease")], errorCodes: ["invalid_parameter"]) { context in
                let state = try context.request.choiceQuery("state", LockerQuery.states)
                return APIResponse.json(try await context.service.lockers.leases(
                    endingWithinDays: nil, state: state, registration: context.caller().registrationID))
            },
            Endpoint(.GET, "/locker-leases/{id}", summary: "One lease", tag: "lockers", access: .staff,
                     response: Schemas.ref("LockerLease"), errorCodes: ["locker_lease_not_found"]) { context in
                APIResponse.json(try await context.service.lockers.lease(id: try context.request.idParameter(notFound: "locker_lease_not_found")))
            },
            Endpoint(.POST, "/locker-leases/{id}/renew", summary: "Renew by 12 months, within the 5-year limit",
                     tag: "lockers", access: .staff, response: Schemas.ref("LockerLease"),
                     errorCodes: ["locker_lease_not_found", "lease_not_active", "lease_limit_reached", "registration_expired"]) { context in
                let id = try context.request.idParameter(notFound: "locker_lease_not_found")
                return context.answer(try await context.service.lockers.renew(
                    lease: id, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-leases/{id}/terminate",
                     summary: "Terminate today; the locker cools off until the address move is confirmed or 60 days pass",
                     tag: "lockers", access: .staff, response: Schemas.ref("LockerLease"),
                     errorCodes: ["locker_lease_not_found", "lease_not_active"]) { context in
                let id = try context.request.idParameter(notFound: "locker_lease_not_found")
                return context.answer(try await context.service.lockers.terminate(
                    lease: id, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-leases/{id}/confirm-address-moved",
                     summary: "Staff confirm the former lessee moved its registered address (本店移転登記); re-let from tomorrow",
                     tag: "lockers", access: .staff, response: Schemas.ref("LockerLease"),
                     errorCodes: ["locker_lease_not_found", "lease_not_ended"]) { context in
                let id = try context.request.idParameter(notFound: "locker_lease_not_found")
                return context.answer(try await context.service.lockers.confirmAddressMoved(
                    lease: id, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-leases/{id}/corporate-number", summary: "A founder supplies the corporate number",
                     tag: "lockers", access: .staff,
                     requestBody: .object([("type", "object"), ("properties", ["corporate_number": corporateNumberSchema]),
                                           ("required", ["corporate_number"])]),
                     response: Schemas.ref("LockerLease"),
                     errorCodes: ["invalid_body", "locker_lease_not_found", "lease_not_active", "corporate_number_already_set", "corporate_number_mismatch",
                                  "invalid_corporate_number", "company_has_lease"]) { context in
                let id = try context.request.idParameter(notFound: "locker_lease_not_found")
                let input = try context.request.decodeBody(CorporateNumberRequest.self)
                return context.answer(try await context.service.lockers.supplyCorporateNumber(
                    lease: id, number: input.corporateNumber, by: context.caller(),
                    idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-waitlist", summary: "Join the waitlist; a free locker is offered at once to the first in line",
                     tag: "lockers", access: .staff,
                     requestBody: Schemas.object(["registration": .id, "note": .text(.note)], required: ["registration"]),
                     successStatus: .created, response: Schemas.ref("LockerWaitlistEntry"),
                     errorCodes: ["invalid_body", "invalid_note", "registration_not_found", "registration_not_active", "already_waiting",
                                  "company_has_lease"]) { context in
                let input = try context.request.decodeBody(WaitlistRequest.self)
                return context.answer(try await context.service.lockers.joinWaitlist(
                    registration: input.registration, note: input.note ?? "", by: context.caller(),
                    idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/locker-waitlist", summary: "Applicants waiting or holding an offer, in order of application",
                     tag: "lockers", access: .staff, response: ["type": "array", "items": Schemas.ref("LockerWaitlistEntry")]) { context in
                APIResponse.json(try await context.service.lockers.waitlist())
            },
            Endpoint(.POST, "/locker-offers/{id}/accept", summary: "Accept an offer with the lease terms; creates the lease",
                     tag: "lockers", access: .staff, requestBody: leaseTermsBody, successStatus: .created,
                     response: Schemas.ref("LockerLease"),
                     errorCodes: ["locker_offer_not_found", "offer_not_open", "offer_expired"] + leaseRefusals) { context in
                let id = try context.request.idParameter(notFound: "locker_offer_not_found")
                let request = try context.request.decodeBody(LockerLeaseRequest.self)
                return context.answer(try await context.service.lockers.acceptOffer(
                    id: id, request, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-offers/{id}/decline", summary: "Decline an offer; the locker goes to the next in line",
                     tag: "lockers", access: .staff, response: Schemas.ref("LockerOffer"),
                     errorCodes: ["locker_offer_not_found", "offer_not_open", "offer_expired"]) { context in
                let id = try context.request.idParameter(notFound: "locker_offer_not_found")
                return context.answer(try await context.service.lockers.declineOffer(
                    id: id, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
        ]
    }
}
