import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Mobile lockers usable as a registered address (法人登記用ロッカー): their
/// state, leases, the waitlist and its offers. Staff only, but a member sees
/// its own leases (`/me/locker-leases`). Rules: docs/DOMAIN.md
/// "Mobile lockers", `LockerLeaseTerms`, `LockerLessee`, `LockerWaitlist`.
enum LockerEndpoints {
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
                     tag: "lockers", access: .staff, response: ["type": "array", "items": Schemas.ref("LockerState")], refusals: NoRefusal.self) { context in
                APIResponse.json(try await context.service.lockers.all())
            },
            Endpoint(.POST, "/locker-leases", summary: "Let a locker (the one named, or the next free one); fee and amount owed",
                     tag: "lockers", access: .staff, requestBody: leaseTermsBody, successStatus: .created,
                     response: Schemas.ref("LockerLease"), refusals: Lockers.LeaseRefusal.self) { context in
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
                     response: ["type": "array", "items": Schemas.ref("LockerLease")], refusals: NoRefusal.self) { context in
                let request = context.request
                let state = try request.choiceQuery("state", LockerQuery.states).flatMap(LockerLeaseState.init(rawValue:))
                let registration = try request.integerQuery("registration", in: InputRange.id)
                return APIResponse.json(try await context.service.lockers.leases(
                    endingWithinDays: try request.integerQuery("ending_within_days", in: LockerQuery.endingWithinDays), state: state,
                    registration: registration))
            },
            Endpoint(.GET, "/me/locker-leases", summary: "The calling member's own locker leases", tag: "members",
                     access: .roles([.member]),
                     parameters: [QueryParameter("state", schema: ["type": "string", "enum": .array(LockerQuery.states.map { .string($0) })],
                                                 "Leases in this state (default active)")],
                     response: ["type": "array", "items": Schemas.ref("LockerLease")], refusals: NoRefusal.self) { context in
                let state = try context.request.choiceQuery("state", LockerQuery.states).flatMap(LockerLeaseState.init(rawValue:))
                return APIResponse.json(try await context.service.lockers.leases(
                    endingWithinDays: nil, state: state, registration: context.caller().registrationID))
            },
            Endpoint(.GET, "/locker-leases/{id}", summary: "One lease", tag: "lockers", access: .staff,
                     response: Schemas.ref("LockerLease"), refusals: LockerLeaseLookupCode.self) { context in
                APIResponse.json(try await context.service.lockers.lease(id: try context.request.idParameter(notFound: LockerLeaseLookupCode.lockerLeaseNotFound)))
            },
            Endpoint(.POST, "/locker-leases/{id}/renew", summary: "Renew by 12 months, within the 5-year limit",
                     tag: "lockers", access: .staff, response: Schemas.ref("LockerLease"),
                     refusals: Lockers.RenewRefusal.self) { context in
                let id = try context.request.idParameter(notFound: LockerLeaseLookupCode.lockerLeaseNotFound)
                return context.answer(try await context.service.lockers.renew(
                    lease: id, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-leases/{id}/terminate",
                     summary: "Terminate today; the locker cools off until the address move is confirmed or 60 days pass",
                     tag: "lockers", access: .staff, response: Schemas.ref("LockerLease"),
                     refusals: Lockers.TerminateRefusal.self) { context in
                let id = try context.request.idParameter(notFound: LockerLeaseLookupCode.lockerLeaseNotFound)
                return context.answer(try await context.service.lockers.terminate(
                    lease: id, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-leases/{id}/confirm-address-moved",
                     summary: "Staff confirm the former lessee moved its registered address (本店移転登記); re-let from tomorrow",
                     tag: "lockers", access: .staff, response: Schemas.ref("LockerLease"),
                     refusals: Lockers.AddressMoveRefusal.self) { context in
                let id = try context.request.idParameter(notFound: LockerLeaseLookupCode.lockerLeaseNotFound)
                return context.answer(try await context.service.lockers.confirmAddressMoved(
                    lease: id, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-leases/{id}/corporate-number", summary: "A founder supplies the corporate number",
                     tag: "lockers", access: .staff,
                     requestBody: .object([("type", "object"), ("properties", ["corporate_number": corporateNumberSchema]),
                                           ("required", ["corporate_number"])]),
                     response: Schemas.ref("LockerLease"),
                     refusals: Lockers.CorporateNumberRefusal.self) { context in
                let id = try context.request.idParameter(notFound: LockerLeaseLookupCode.lockerLeaseNotFound)
                let input = try context.request.decodeBody(CorporateNumberRequest.self)
                return context.answer(try await context.service.lockers.supplyCorporateNumber(
                    lease: id, number: input.corporateNumber, by: context.caller(),
                    idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-waitlist", summary: "Join the waitlist; a free locker is offered at once to the first in line",
                     tag: "lockers", access: .staff,
                     requestBody: Schemas.object(["registration": .id, "note": .text(.note)], required: ["registration"]),
                     successStatus: .created, response: Schemas.ref("LockerWaitlistEntry"),
                     refusals: Lockers.WaitlistRefusal.self) { context in
                let input = try context.request.decodeBody(WaitlistRequest.self)
                return context.answer(try await context.service.lockers.joinWaitlist(
                    registration: input.registration, note: input.note ?? "", by: context.caller(),
                    idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/locker-waitlist", summary: "Applicants waiting or holding an offer, in order of application",
                     tag: "lockers", access: .staff, response: ["type": "array", "items": Schemas.ref("LockerWaitlistEntry")], refusals: NoRefusal.self) { context in
                APIResponse.json(try await context.service.lockers.waitlist())
            },
            Endpoint(.POST, "/locker-offers/{id}/accept", summary: "Accept an offer with the lease terms; creates the lease",
                     tag: "lockers", access: .staff, requestBody: leaseTermsBody, successStatus: .created,
                     response: Schemas.ref("LockerLease"),
                     refusals: Lockers.AcceptRefusal.self) { context in
                let id = try context.request.idParameter(notFound: LockerOfferCode.lockerOfferNotFound)
                let request = try context.request.decodeBody(LockerLeaseRequest.self)
                return context.answer(try await context.service.lockers.acceptOffer(
                    id: id, request, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/locker-offers/{id}/decline", summary: "Decline an offer; the locker goes to the next in line",
                     tag: "lockers", access: .staff, response: Schemas.ref("LockerOffer"),
                     refusals: Lockers.DeclineRefusal.self) { context in
                let id = try context.request.idParameter(notFound: LockerOfferCode.lockerOfferNotFound)
                return context.answer(try await context.service.lockers.declineOffer(
                    id: id, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
        ]
    }
}
