/// The checks of the waiting list (`waiting_list`), part of `CenterConfiguration.validate()`.
extension CenterConfiguration {
    func validateWaitingList(_ report: (String, String) -> Void) {
        guard let rules = waitingList else { return }
        if rules.maxEntriesPerMonth < 1 { report("$.waiting_list.max_entries_per_month", "must be at least 1") }
        if !(1...744).contains(rules.offerHoldHours) { report("$.waiting_list.offer_hold_hours", "must be within 1…744 (31 days)") }
        if !(0...WindowOpening.maximumDays).contains(rules.closesDaysBefore) {
            report("$.waiting_list.closes_days_before", "must be within 0…\(WindowOpening.maximumDays)")
        }
    }
}
