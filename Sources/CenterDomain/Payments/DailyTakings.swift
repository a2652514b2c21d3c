import CalendarValues

/// The day's takings (日計表): the payments taken and the refunds paid out on
/// one day in Japan, by payment method and by staff member, with totals;
/// refunds paid out are subtracted (差引), so the cash line's 差引 is what
/// the cash drawer should have gained that day. Refunds decided but not yet
/// paid out move no money and are not counted.
///
/// The tables are ready for a spreadsheet: Japanese headers, every method
/// listed even on a day without it (a zero line tells the reader there was
/// none), staff in name order, plain integer yen, a 合計 line last. Our
/// decision, after the 日計表 of ward counters.
public struct DailyTakings: Hashable, Sendable {
    /// One line: what was taken and paid out under one method or by one person.
    public struct Line: Hashable, Sendable {
        /// The method's Japanese name, the staff member, or 合計.
        public let label: String
        public let paymentCount: Int
        /// Yen taken (入金額).
        public let received: Int
        public let refundCount: Int
        /// Yen paid out (還付額).
        public let refunded: Int
        /// received − refunded (差引).
        public var net: Int { received - refunded }
    }

    /// A table as a spreadsheet shows it: a header row and rows of text.
    public struct Table: Hashable, Sendable {
        public let header: [String]
        public let rows: [[String]]
    }

    public let date: LocalDate
    /// Cash, card, bank transfer, invoice, in that order.
    public let byMethod: [Line]
    /// Each staff member who took or paid out money, by name.
    public let byStaff: [Line]
    public let total: Line

    /// Sums the lines dated `date` in Japan among `payments` and `payouts`
    /// (lines of other days are left out, so a range may be passed).
    public init(date: LocalDate, payments: [Payment], payouts: [RefundPayout]) {
        let taken = payments.filter { $0.at.japanDate == date }
        let paidOut = payouts.filter { $0.at.japanDate == date }
        self.date = date
        byMethod = PaymentMethod.allCases.map { method in
            Self.line(method.nameJa, taken.filter { $0.method == method }, paidOut.filter { $0.method == method })
        }
        let staff = Set(taken.map(\.takenBy) + paidOut.map(\.paidBy)).sorted()
        byStaff = staff.map { name in
            Self.line(name, taken.filter { $0.takenBy == name }, paidOut.filter { $0.paidBy == name })
        }
        total = Self.line("合計", taken, paidOut)
    }

    /// 支払方法 by 支払方法, then 合計.
    public var methodTable: Table { table(first: "支払方法", byMethod) }

    /// 担当者 by 担当者, then 合計.
    public var staffTable: Table { table(first: "担当者", byStaff) }

    private func table(first: String, _ lines: [Line]) -> Table {
        Table(header: ["日付", first, "入金件数", "入金額", "還付件数", "還付額", "差引"],
              rows: (lines + [total]).map { line in
                  [date.description, line.label, String(line.paymentCount), String(line.received),
                   String(line.refundCount), String(line.refunded), String(line.net)]
              })
    }

    private static func line(_ label: String, _ payments: [Payment], _ payouts: [RefundPayout]) -> Line {
        Line(label: label, paymentCount: payments.count, received: payments.reduce(0) { $0 + $1.amount },
             refundCount: payouts.count, refunded: payouts.reduce(0) { $0 + $1.amount })
    }
}
