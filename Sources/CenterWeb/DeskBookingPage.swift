import CalendarValues
import CenterDomain
import CenterService
import HTML
import HTTPServer

/// One booking at the front desk (`/desk/bookings/{id}`): what it is, its
/// account as the payments ledger has it (支払台帳: payments, each with its
/// receipt, refunds and what of them is paid out), taking a payment whole or
/// in part, issuing, printing and reissuing a receipt, paying out a refund,
/// checking in, a no-show, and cancelling with the refund shown first.
enum DeskBookingPage {
    /// The payment form as staff filled it, and what was wrong with it.
    struct PaymentForm {
        var amount = ""
        var method = PaymentMethod.cash.rawValue
        var takenBy = ""
        var errors: [String: String] = [:]
    }

    static func detail(_ context: PageContext, refusal: (any AnyRefusal)? = nil, payment given: PaymentForm? = nil,
                       status: HTTPStatus? = nil) async throws -> HTTPResponse {
        switch PageRoutes.viewer(context, [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let signedIn):
            guard let id = PageRoutes.id(context) else { return PageRoutes.notFound(context) }
            let service = context.site.service
            let quote: CancelQuote
            do { quote = try await service.bookings.cancelQuote(booking: id, byCenter: false, for: signedIn.actor) }
            catch .refused { return PageRoutes.notFound(context) } catch .failed(let failure) { throw failure }
            let booking = quote.booking
            let account = quote.account
            let words = context.words
            let center = service.settings.center
            let name = (try? await service.registrations.registration(id: booking.registration, for: signedIn.actor))?.name ?? ""
            let title = words("予約 \(booking.id)", "Booking \(booking.id)")
            let live = booking.state == .provisional || booking.state == .paid
            var payment = given ?? PaymentForm()
            if given == nil { payment.amount = String(account.ledger.outstanding) }
            let document = Layout.page(title, context: context, switchPath: "/desk/bookings/\(id)") {
                el(.h1) { title }
                if let notice = PageKit.done(context) { PageKit.notice(notice) }
                if let refusal { PageKit.notice(words.refusal(refusal), alert: true) }
                Forms.summary(["amount", "method", "taken_by"].compactMap { key in payment.errors[key].map { (key, $0) } }, words: words)
                DeskBookingPages.bookingFacts(booking, name: name, center: center, words: words)
                el(.div, .class("actions screen-only")) {
                    if booking.state == .paid && booking.dates.contains(service.today) {
                        PageKit.button(words("チェックイン", "Check in"), action: "/desk/bookings/\(id)/check-in",
                                       fields: [("back", "/desk/bookings/\(id)")], token: signedIn.formToken)
                    }
                    if live && booking.dates.contains(service.today) {
                        PageKit.button(words("無断キャンセル", "No-show"), action: "/desk/bookings/\(id)/no-show",
                                       fields: [("back", "/desk/bookings/\(id)")], token: signedIn.formToken, style: "danger")
                    }
                    el(.a, .href(SafeURL("/desk/registrations/\(booking.registration)"))) { words("利用登録を開く", "Open the registration") }
                    if let series = booking.series {
                        el(.a, .href(SafeURL("/desk/series/\(series)"))) { words("定期利用 \(series) を開く", "Open series \(series)") }
                    }
                }
                accountSection(account, booking: booking, live: live, payment: payment, signedIn: signedIn, words: words)
                if !account.refunds.isEmpty { refundSection(account, signedIn: signedIn, words: words) }
                if booking.state.successors.contains(.cancelledByUser) {
                    cancelSection(quote, signedIn: signedIn, words: words)
                }
            }
            return PageResponse.html(document, status: status ?? refusal.map(PageResponse.status(of:)) ?? .ok, context: context)
        }
    }

    /// 入金: the ledger's sums, the payments with their receipts, and the form to take one.
    static func accountSection(_ account: BookingAccount, booking: Booking, live: Bool, payment: PaymentForm, signedIn: SignedIn,
                               words: Words) -> Node {
        let ledger = account.ledger
        return el(.section, .aria("labelledby", "payment"), .class("ledger")) {
            el(.h2, .id("payment")) { words("入金と領収書", "Payments and receipts") }
            PageKit.facts([
                (words("使用料", "Fee"), words.yen(ledger.fee)),
                (words("入金済み", "Paid"), words.yen(ledger.paid)),
                (words("還付", "Refunded"), words.yen(ledger.refunded)),
                (words("未収", "Outstanding"), words.yen(ledger.outstanding)),
                (words("入金状況", "Payment status"), words(ledger.status.nameJa, status(ledger.status))),
            ])
            if account.payments.isEmpty {
                el(.p) { words("まだ入金はありません。", "No payment yet.") }
            } else {
                PageKit.table(words("入金の記録", "Payments"),
                              headers: [words("番号", "No."), words("日時", "When"), words("金額", "Amount"), words("方法", "Method"),
                                        words("受付", "Taken by"), words("領収書", "Receipt")],
                              rows: account.payments.map { line in
                                  [.text(String(line.number)), .text(words.dateTime(line.at)), .text(words.yen(line.amount)),
                                   .text(words(line.method.nameJa, line.method.nameEn)), .text(line.takenBy),
                                   receiptCell(line, booking: booking.id, signedIn: signedIn, words: words)]
                              })
            }
            if live && ledger.outstanding > 0 {
                el(.form, .method("post"), .action(SafeURL("/desk/bookings/\(booking.id)/payments")), Attribute(.novalidate),
                   .class("stack screen-only")) {
                    Forms.token(signedIn.formToken)
                    Forms.field(Forms.Field(id: "amount", label: words("入金額（円）", "Amount (yen)"), value: payment.amount,
                                            autocomplete: "off",
                                            hint: words("未収 \(words.yen(ledger.outstanding)) まで。一部だけの入金もできます。",
                                                        "Up to the \(words.yen(ledger.outstanding)) outstanding; a part payment is fine."),
                                            error: payment.errors["amount"], inputmode: "numeric"), words: words)
                    PageKit.select(id: "method", label: words("支払方法", "Method"),
                                   options: PaymentMethod.allCases.map { ($0.rawValue, words($0.nameJa, $0.nameEn)) },
                                   selected: payment.method, error: payment.errors["method"], words: words)
                    PageKit.optional(Forms.Field(id: "taken_by", label: words("受け付けた人", "Taken by"),
                                                 value: payment.takenBy, autocomplete: "off",
                                                 hint: words("空欄ならサインイン中のログインID（\(signedIn.login)）です。",
                                                             "Blank: the signed-in login (\(signedIn.login))."),
                                                 error: payment.errors["taken_by"]), words: words)
                    el(.button, .type("submit"), .class("primary")) { words("入金を記録する", "Record the payment") }
                }
            }
        }
    }

    /// A payment's receipt: the printable page and its reissue, or the button that issues it.
    static func receiptCell(_ line: BookingAccount.PaymentLine, booking: Int64, signedIn: SignedIn, words: Words) -> Node {
        guard let number = line.receipt else {
            return PageKit.button(words("領収書を発行", "Issue a receipt"), action: "/desk/bookings/\(booking)/receipts",
                                  fields: [("payment", String(line.number))], token: signedIn.formToken)
        }
        return .fragment([
            el(.a, .href(SafeURL("/desk/receipts/\(number)")), .class("receipt-link")) { words("領収書 \(number)（A5）", "Receipt \(number) (A5)") },
            el(.a, .href(SafeURL.path("/desk/receipts/\(number)", query: [("paper", "a4")])), .class("screen-only")) { "A4" },
            PageKit.button(words("再発行", "Reissue"), action: "/desk/receipts/\(number)/reissue", token: signedIn.formToken),
        ])
    }

    /// 還付: each refund decided, what of it is paid out, and the form to pay out the rest.
    static func refundSection(_ account: BookingAccount, signedIn: SignedIn, words: Words) -> Node {
        el(.section, .aria("labelledby", "refunds"), .class("ledger")) {
            el(.h2, .id("refunds")) { words("還付", "Refunds") }
            PageKit.table(words("還付の記録", "Refunds decided"),
                          headers: [words("番号", "No."), words("還付額", "Amount"), words("理由", "Why"), words("決定", "Decided"),
                                    words("支払済み", "Paid out"), words("未払い", "Still owed"), words("操作", "Action")],
                          rows: account.refunds.map { refund in
                              [.text(String(refund.number)), .text(words.yen(refund.amount) + "（\(refund.percent)%）"),
                               .text(reason(refund.reason, words: words)), .text(words.dateTime(refund.decidedAt)),
                               .text(words.yen(refund.paidOut)), .text(words.yen(refund.owed)),
                               refund.owed > 0 ? payOutForm(refund, booking: account.booking, signedIn: signedIn, words: words) : .empty]
                          })
        }
    }

    static func payOutForm(_ refund: BookingAccount.RefundLine, booking: Int64, signedIn: SignedIn, words: Words) -> Node {
        el(.form, .method("post"), .action(SafeURL("/desk/bookings/\(booking)/refund-payouts")), .class("inline payout")) {
            Forms.token(signedIn.formToken)
            el(.input, .type("hidden"), .name("refund"), .value(String(refund.number)))
            el(.label, .for("payout-method-\(refund.number)")) { words("方法", "Method") }
            el(.select, .id("payout-method-\(refund.number)"), .name("method")) {
                for method in PaymentMethod.allCases where method != .invoice {
                    el(.option, .value(method.rawValue)) { words(method.nameJa, method.nameEn) }
                }
            }
            el(.button, .type("submit"), .class("secondary")) { words("\(words.yen(refund.owed)) を支払う", "Pay out \(words.yen(refund.owed))") }
        }
    }

    /// 取消し: what cancelling today refunds and costs, and the form.
    static func cancelSection(_ quote: CancelQuote, signedIn: SignedIn, words: Words) -> Node {
        el(.section, .class("aside screen-only"), .aria("labelledby", "cancel")) {
            el(.h2, .id("cancel")) { words("予約の取消し", "Cancel the booking") }
            el(.p, .class("refund")) {
                words("今日取り消すと、利用日の\(quote.daysBefore)日前の取消しです。入金額 \(words.yen(quote.paid)) のうち \(quote.refundPercent)%、\(words.yen(quote.refundAmount)) を還付します。",
                      "Cancelled today, \(quote.daysBefore) days before use: \(quote.refundPercent)% of the \(words.yen(quote.paid)) paid, \(words.yen(quote.refundAmount)), is refunded.")
            }
            if quote.penaltyPoints > 0 {
                el(.p) { words("直前の取消しのため、ペナルティ \(quote.penaltyPoints)点が付きます。", "A late cancellation earns \(quote.penaltyPoints) penalty points.") }
            }
            el(.form, .method("post"), .action(SafeURL("/desk/bookings/\(quote.booking.id)/cancel")), .class("stack")) {
                Forms.token(signedIn.formToken)
                PageKit.optional(Forms.Field(id: "reason", label: words("取消しの理由", "Reason"), autocomplete: "off"), words: words)
                el(.button, .type("submit"), .class("danger")) { words("予約を取り消す", "Cancel the booking") }
            }
        }
    }

    static func status(_ status: PaymentLedger.Status) -> String {
        switch status {
        case .unpaid: "Unpaid"
        case .partial: "Partly paid"
        case .paid: "Paid"
        }
    }

    static func reason(_ reason: RefundReason, words: Words) -> String {
        switch reason {
        case .cancellation: words("取消し", "Cancellation")
        case .lapse: words("失効（一部入金）", "Lapsed with a part paid")
        case .closure: words("臨時休館", "Closure")
        }
    }

    // MARK: Forms

    /// `POST /desk/bookings/{id}/payments`: a payment, whole or in part.
    static func takePayment(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form, id)):
            let words = context.words
            var payment = PaymentForm(amount: form["amount"] ?? "", method: form["method"] ?? "", takenBy: form["taken_by"] ?? "")
            let digits = payment.amount.applyingHalfWidthDigits.replacingOccurrences(of: ",", with: "")
                .replacingOccurrences(of: "円", with: "").replacingOccurrences(of: "¥", with: "").trimmingCharacters(in: .whitespaces)
            let amount = digits.utf8.count <= 12 ? Int(digits) : nil
            if amount == nil || amount ?? 0 < 1 { payment.errors["amount"] = words("入金額を1円以上の半角数字で入力してください。", "Enter the amount in yen, from 1.") }
            let method = PaymentMethod(rawValue: payment.method)
            if method == nil { payment.errors["method"] = words("支払方法を選んでください。", "Choose the method.") }
            guard let amount, let method, payment.errors.isEmpty else {
                return try await detail(context, payment: payment, status: .unprocessableContent)
            }
            let takenBy = payment.takenBy.trimmingCharacters(in: .whitespaces)
            do {
                _ = try await context.site.service.bookings.takePayment(booking: id, amount: amount, method: method,
                                                                         takenBy: takenBy.isEmpty ? signedIn.login : takenBy,
                                                                         by: signedIn.actor)
                return PageResponse.redirect(to: SafeURL("/desk/bookings/\(id)?done=paid#payment"), context: context)
            } catch .refused(let refusal) {
                let field = refusal.codeName == "staff_name_invalid" ? "taken_by" : "amount"
                payment.errors[field] = words.refusal(refusal)
                return try await detail(context, payment: payment, status: PageResponse.status(of: refusal))
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// `POST /desk/bookings/{id}/receipts`: issues the receipt of a payment, then its printable page.
    static func issueReceipt(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form, id)):
            let payment = form["payment"].flatMap { Int($0) }
            do {
                guard let issued = try await context.site.service.receipts.issue(booking: id, payment: payment, by: signedIn.actor).value
                else { return PageRoutes.notFound(context) }
                return PageResponse.redirect(to: SafeURL("/desk/receipts/\(issued.receipt.number.description)"), context: context)
            } catch .refused(let refusal) {
                return try await detail(context, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// `POST /desk/bookings/{id}/refund-payouts`: pays out what a refund still owes.
    static func payOut(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form, id)):
            guard let refund = form["refund"].flatMap({ Int($0) }), let method = form["method"].flatMap(PaymentMethod.init) else {
                return PageRoutes.unreadable(context)
            }
            do {
                _ = try await context.site.service.bookings.payOutRefund(booking: id, refund: refund, method: method,
                                                                         paidBy: signedIn.login, by: signedIn.actor)
                return PageResponse.redirect(to: SafeURL("/desk/bookings/\(id)?done=refund-paid#refunds"), context: context)
            } catch .refused(let refusal) {
                return try await detail(context, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }

    /// `POST /desk/bookings/{id}/cancel`: cancels for the user; the booking
    /// page then shows the refund the ledger decided.
    static func cancel(_ context: PageContext) async throws -> HTTPResponse {
        switch PageRoutes.formWithID(context, roles: [.staff, .admin]) {
        case .failure(let refused): return refused.response
        case .success(let (signedIn, form, id)):
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespaces)
            do {
                _ = try await context.site.service.bookings.cancel(booking: id, reason: reason.isEmpty ? nil : reason, byCenter: false,
                                                                   by: signedIn.actor)
                return PageResponse.redirect(to: SafeURL("/desk/bookings/\(id)?done=cancelled#refunds"), context: context)
            } catch .refused(let refusal) {
                return try await detail(context, refusal: refusal)
            } catch .failed(let failure) {
                throw failure
            }
        }
    }
}
