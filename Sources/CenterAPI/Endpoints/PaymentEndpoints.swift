import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Money at the counter (docs/DOMAIN.md "Payments (支払台帳)"): payments
/// taken for a booking, part payments included, its ledger, refunds paid
/// out, and the receipt (領収書) of a payment.
enum PaymentEndpoints {
    /// `POST /bookings/{id}/payments`.
    struct PaymentRequest: Decodable {
        let amount: Int
        let method: PaymentMethod
        let takenBy: String?

        enum CodingKeys: String, CodingKey { case amount, method, takenBy = "taken_by" }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            amount = try c.decode(Int.self, forKey: .amount, in: InputRange.yen)
            method = try c.decode(PaymentMethod.self, forKey: .method)
            takenBy = try c.decodeIfPresent(String.self, forKey: .takenBy)
        }
    }

    /// `POST /bookings/{id}/payment`, whose body is optional.
    struct OutstandingPaymentRequest: Decodable {
        let method: PaymentMethod?
        let takenBy: String?

        enum CodingKeys: String, CodingKey { case method, takenBy = "taken_by" }
    }

    /// `POST /bookings/{id}/refunds/{number}/paid-out`.
    struct PayoutRequest: Decodable {
        let amount: Int?
        let method: PaymentMethod
        let paidBy: String?

        enum CodingKeys: String, CodingKey { case amount, method, paidBy = "paid_by" }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            amount = try c.decodeIfPresent(Int.self, forKey: .amount, in: InputRange.yen)
            method = try c.decode(PaymentMethod.self, forKey: .method)
            paidBy = try c.decodeIfPresent(String.self, forKey: .paidBy)
        }
    }

    /// `POST /bookings/{id}/receipt`, whose body is optional.
    struct ReceiptRequest: Decodable {
        let payment: Int?
        let payer: String?

        enum CodingKeys: String, CodingKey { case payment, payer }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            payment = try c.decodeIfPresent(Int.self, forKey: .payment, in: paymentNumbers)
            payer = try c.decodeIfPresent(String.self, forKey: .payer)
        }
    }

    /// The numbers of a booking's lines.
    static let paymentNumbers = 1...1_000_000

    static let methods: Schemas.Field = .enumeration(PaymentMethod.allCases.map(\.rawValue))

    /// The compatible `POST /bookings/{id}/payment`: the payment of what is outstanding.
    static let outstandingPayment =
        Endpoint(.POST, "/bookings/{id}/payment",
                 summary: "Record the payment of what is outstanding (method cash unless given): provisional → paid. Kept for clients of the first API; `POST /bookings/{id}/payments` takes part payments",
                 tag: "bookings", access: .staff,
                 requestBody: Schemas.object(["method": methods, "taken_by": .text(.name)]),
                 response: Schemas.ref("Booking"), refusals: Bookings.TakePaymentRefusal.self) { context in
            let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
            let input = context.request.body.isEmpty ? nil : try context.request.decodeBody(OutstandingPaymentRequest.self)
            return context.answer(try await context.service.bookings.pay(
                booking: id, method: input?.method ?? .cash, takenBy: input?.takenBy, by: context.caller(),
                idempotency: context.request.idempotencyKey()))
        }

    static var all: [Endpoint] {
        [
            Endpoint(.POST, "/bookings/{id}/payments",
                     summary: "Take a payment (入金) for a provisional booking: part payments allowed, at most what is outstanding; the payment that covers the fee makes it paid",
                     tag: "payments", access: .staff,
                     requestBody: Schemas.object(["amount": .integer(InputRange.yen), "method": methods, "taken_by": .text(.name)],
                                                 required: ["amount", "method"]),
                     successStatus: .created, response: Schemas.ref("PaymentTaken"),
                     refusals: Bookings.TakePaymentRefusal.self) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                let input = try context.request.decodeBody(PaymentRequest.self)
                return context.answer(try await context.service.bookings.takePayment(
                    booking: id, amount: input.amount, method: input.method, takenBy: input.takenBy, by: context.caller(),
                    idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/bookings/{id}/ledger",
                     summary: "The booking's ledger (支払台帳): payments with their receipts, refunds decided and paid out, what is paid and outstanding (a member: its own only)",
                     tag: "payments", access: .staffOrMember, response: Schemas.ref("BookingAccount"),
                     refusals: BookingLookupCode.self) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                return APIResponse.json(try await context.service.bookings.account(booking: id, for: context.caller()))
            },
            Endpoint(.POST, "/bookings/{id}/refunds/{number}/paid-out",
                     summary: "Pay out refund {number} of the booking (還付金の支払): cash, card or bank transfer; all it still owes unless `amount` says less",
                     tag: "payments", access: .staff,
                     requestBody: Schemas.object(["amount": .integer(InputRange.yen), "method": methods, "paid_by": .text(.name)],
                                                 required: ["method"]),
                     response: Schemas.ref("BookingAccount"), refusals: Bookings.PayOutRefusal.self) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                let number = try context.request.idParameter("number", notFound: RefundLookupCode.refundNotFound)
                let input = try context.request.decodeBody(PayoutRequest.self)
                return context.answer(try await context.service.bookings.payOutRefund(
                    booking: id, refund: Int(clamping: number), amount: input.amount, method: input.method, paidBy: input.paidBy,
                    by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/bookings/{id}/receipt",
                     summary: "Issue the receipt (領収書) of a payment: the booking's latest payment without one unless `payment` names it; 宛名 the registration's name unless `payer` is given; numbered per fiscal year without gaps",
                     tag: "payments", access: .staff,
                     requestBody: Schemas.object(["payment": .integer(paymentNumbers), "payer": .text(.name)]),
                     successStatus: .created, response: Schemas.ref("Receipt"),
                     refusals: Receipts.IssueRefusal.self) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                let input = context.request.body.isEmpty ? nil : try context.request.decodeBody(ReceiptRequest.self)
                return context.answer(try await context.service.receipts.issue(
                    booking: id, payment: input?.payment, payer: input?.payer, by: context.caller(),
                    idempotency: context.request.idempotencyKey()))
            },
        ]
    }
}
