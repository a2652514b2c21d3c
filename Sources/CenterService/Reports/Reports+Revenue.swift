import CalendarValues
import CenterDomain
import Roadmap
internal import Store

extension Reports {
    /// Per month of `fiscalYear` and designated-manager term in charge on the
    /// dates of use: fees, refunds, exemptions and net income, month order.
    public func revenue(fiscalYear: FiscalYear) async throws -> [RevenueLine] {
        let roadmap = context.roadmapState.schedule
        let bookings = try await pool.read { db in try Self.bookingsUsed(db, from: fiscalYear.first, to: fiscalYear.last) }
        struct Key: Hashable { let month: YearMonth; let manager: String }
        var order: [Key] = []
        var terms: [String: ManagerTerm] = [:]
        var managerOn: [LocalDate: String] = [:]
        for date in fiscalYear.first.dates(through: fiscalYear.last) {
            let term = roadmap.manager(on: date)
            let id = term?.id ?? ""
            if let term { terms[id] = term }
            managerOn[date] = id
            let key = Key(month: date.yearMonth, manager: id)
            if !order.contains(key) { order.append(key) }
        }
        var sums: [Key: (fees: Int, refunds: Int, exemptions: Int)] = [:]
        var split: [Key: RevenueSplit] = [:]
        for booking in bookings where booking.paidAt != nil {
            let dates = booking.dates
            let exemptionPerDay = booking.fee.exemptionPerDay
            for (index, date) in dates.enumerated() where fiscalYear.contains(date) {
                let key = Key(month: date.yearMonth, manager: managerOn[date] ?? "")
                var entry = sums[key, default: (0, 0, 0)]
                entry.fees += Self.share(of: booking.feeTotal, day: index, days: dates.count)
                entry.refunds += Self.share(of: booking.refund?.amount ?? 0, day: index, days: dates.count)
                entry.exemptions += exemptionPerDay
                sums[key] = entry
                let net = Self.share(of: booking.feeTotal, day: index, days: dates.count)
                    - Self.share(of: booking.refund?.amount ?? 0, day: index, days: dates.count)
                split[key, default: RevenueSplit()].add(net, category: booking.category,
                                                        managerKeepsFees: terms[key.manager]?.feeRegime != .charge)
            }
        }
        return order.map { key in
            let entry = sums[key] ?? (0, 0, 0)
            let term = terms[key.manager]
            return RevenueLine(fiscalYear: fiscalYear.startYear, month: key.month, manager: key.manager,
                               managerLabel: term?.label ?? "", operatorJa: term?.operatorJa ?? "", fees: entry.fees,
                               refunds: entry.refunds, exemptions: entry.exemptions, net: entry.fees - entry.refunds,
                               wardUsageFees: split[key]?.wardUsageFees ?? 0, managerFeeIncome: split[key]?.managerIncome ?? 0)
        }
    }

    /// Day `day`'s part of `amount` spread over `days`: equal parts, the
    /// remainder on the first day, so the parts sum to the amount.
    static func share(of amount: Int, day: Int, days: Int) -> Int {
        amount / days + (day == 0 ? amount % days : 0)
    }

}
