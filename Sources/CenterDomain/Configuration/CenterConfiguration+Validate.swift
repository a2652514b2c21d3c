extension CenterConfiguration {
    /// Every problem found, each with its JSONPath; empty when the file is usable.
    ///
    /// Checks ids (unique, kebab-case), division times, fee tables (known
    /// divisions, no negative or missing fees), shares in 0…1, couplings naming
    /// known facilities, category windows, limits, refunds, penalties,
    /// surcharges and exemptions, that desks, lockers and storage refer to
    /// catalogue facilities of the right kind, hourly rooms, the lottery
    /// rounds, the waiting list and the issuers' renewal periods.
    public func validate() -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func report(_ path: String, _ message: String) { problems.append(ConfigProblem(path: path, message: message)) }

        validateDivisions(report)
        validateFacilities(report)
        validateCategories(report)
        validateRules(report)
        validateFees(report)
        validateNewFacilities(report)
        validateHourlyRooms(report)
        validateLottery(report)
        validateWaitingList(report)
        return problems
    }

    private func validateDivisions(_ report: (String, String) -> Void) {
        var seen: Set<DivisionID> = []
        for (i, division) in divisions.enumerated() {
            let path = "$.divisions[\(i)]"
            if !seen.insert(division.id).inserted { report("\(path).id", "duplicate division id \"\(division.id)\"") }
            guard let start = division.startMinute else { report("\(path).start", "expected HH:MM"); continue }
            guard let end = division.endMinute else { report("\(path).end", "expected HH:MM"); continue }
            if end <= start { report("\(path).end", "ends at or before its start") }
            if i > 0, let previousEnd = divisions[i - 1].endMinute, start < previousEnd {
                report("\(path).start", "starts before the previous division ends")
            }
        }
    }

    private func validateFacilities(_ report: (String, String) -> Void) {
        let known = Set(divisions.map(\.id))
        var seen: Set<FacilityID> = []
        for (i, facility) in facilities.enumerated() {
            let path = "$.facilities[\(i)]"
            if !seen.insert(facility.id).inserted { report("\(path).id", "duplicate facility id \"\(facility.id)\"") }
            if !facility.id.isKebabCase { report("\(path).id", "\"\(facility.id)\" is not kebab-case") }
            if let category = facility.category, !(1...3).contains(category) {
                report("\(path).category", "ordinance category must be 1, 2 or 3")
            }
            if facility.capacity < 0 || (facility.bookable && facility.capacity == 0) {
                report("\(path).capacity", "capacity must be positive for a bookable facility")
            }
            for (j, division) in facility.divisions.enumerated() where !known.contains(division) {
                report("\(path).divisions[\(j)]", "unknown division \"\(division)\"")
            }
            for (division, fee) in facility.fees.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                if !known.contains(division) || !facility.divisions.contains(division) {
                    report("\(path).fees.\(division)", "fee for a division the facility does not offer")
                }
                if fee < 0 { report("\(path).fees.\(division)", "negative fee") }
            }
            if facility.bookable && facility.kind == .room {
                for division in facility.divisions where facility.fees[division] == nil {
                    report("\(path).fees.\(division)", "missing fee for an offered division")
                }
            }
            if let quota = facility.quota {
                if let share = quota.share, !(0...1).contains(share) { report("\(path).quota.share", "share must be within 0…1") }
                if let days = quota.releaseDays, days < 0 { report("\(path).quota.release_days", "must not be negative") }
                if !facility.bookable || facility.kind != .room { report("\(path).quota", "quota on a facility that is not a bookable room") }
            }
        }
    }

    private func validateCategories(_ report: (String, String) -> Void) {
        var seen: Set<UserCategory> = []
        for (i, window) in categories.enumerated() {
            let path = "$.categories[\(i)]"
            if !seen.insert(window.category).inserted { report("\(path).id", "duplicate category \"\(window.category.rawValue)\"") }
            switch window.opens {
            case .firstOfMonth(let months)?, .sameDayOfMonth(let months)?:
                if !(0...WindowOpening.maximumMonths).contains(months) {
                    report("\(path).window.months_before", "must be within 0…\(WindowOpening.maximumMonths)")
                }
            case .daysBefore(let days)?:
                if !(0...WindowOpening.maximumDays).contains(days) {
                    report("\(path).window.days", "must be within 0…\(WindowOpening.maximumDays)")
                }
            case nil where window.kinds.contains(.room): report("\(path).window", "a category that books rooms needs a window")
            case nil: break
            }
            if let days = window.closesDaysBefore, days < 0 { report("\(path).closes_days_before", "must not be negative") }
        }
        for category in UserCategory.allCases where !seen.contains(category) {
            report("$.categories", "missing category \"\(category.rawValue)\"")
        }
    }

    private func validateRules(_ report: (String, String) -> Void) {
        let catalogue = self.catalogue
        if !(0...1).contains(quota.share) { report("$.quota.default_share", "share must be within 0…1") }
        if quota.releaseDays < 0 { report("$.quota.release_days", "must not be negative") }
        if registration.maxYears < 1 { report("$.registration.max_years", "must be at least 1") }
        if !(0...365).contains(registration.renewalWindowDays) {
            report("$.registration.renewal_window_days", "must be within 0…365")
        }
        for (issuer, terms) in registration.issuers.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !(0...365).contains(terms.renewalWindowDays) {
            report("$.registration.issuers.\(issuer.rawValue).renewal_window_days", "must be within 0…365")
        }
        for (i, coupling) in couplings.enumerated() {
            let path = "$.couplings[\(i)]"
            if catalogue[coupling.facility] == nil { report("\(path).facility", "unknown facility \"\(coupling.facility)\"") }
            for (j, id) in coupling.requiresAnyOf.enumerated() where catalogue[id] == nil {
                report("\(path).requires_any_of[\(j)]", "unknown facility \"\(id)\"")
            }
            for (j, category) in coupling.requiresAnyOfCategories.enumerated() where !(1...3).contains(category) {
                report("\(path).requires_any_of_categories[\(j)]", "ordinance category must be 1, 2 or 3")
            }
            if coupling.requiresAnyOf.isEmpty && coupling.requiresAnyOfCategories.isEmpty {
                report(path, "a coupling must name a companion facility or category")
            }
        }
        if limits.monthly.maxUnits < 1 { report("$.limits.max_units_per_month", "must be at least 1") }
        if limits.consecutive.maxDays < 1 { report("$.limits.max_consecutive_days", "must be at least 1") }
        if payment.daysAfterBooking < 0 { report("$.payment.days_after_booking", "must not be negative") }
        if payment.daysBeforeUse < 0 { report("$.payment.days_before_use", "must not be negative") }
        for (i, tier) in refunds.tiers.enumerated() {
            if !(0...100).contains(tier.percent) { report("$.refunds.tiers[\(i)].percent", "must be within 0…100") }
            if tier.minDaysBefore < 0 { report("$.refunds.tiers[\(i)].min_days_before", "must not be negative") }
        }
        if !(0...100).contains(refunds.centerCancelPercent) { report("$.refunds.center_cancel_percent", "must be within 0…100") }
        if refunds.roundingUnit < 1 { report("$.refunds.rounding_unit", "must be at least 1") }
        if penalties.threshold < 1 { report("$.penalties.threshold", "must be at least 1") }
        if penalties.lateCancelPoints < 0 { report("$.penalties.late_cancel_points", "must not be negative") }
        if penalties.noShowPoints < 0 { report("$.penalties.no_show_points", "must not be negative") }
        if penalties.suspensionDays < 1 { report("$.penalties.suspension_days", "must be at least 1") }
    }

    private func validateFees(_ report: (String, String) -> Void) {
        var codes: Set<String> = []
        for (i, surcharge) in fees.surcharges.enumerated() {
            let path = "$.fees.surcharges[\(i)]"
            if !codes.insert(surcharge.code).inserted { report("\(path).code", "duplicate code \"\(surcharge.code)\"") }
            if surcharge.multiplier < 1 { report("\(path).multiplier", "a surcharge multiplier must be at least 1") }
            if surcharge.trigger == .admissionAbove && (surcharge.thresholdYen ?? -1) < 0 {
                report("\(path).threshold_yen", "an admission surcharge needs a non-negative threshold")
            }
        }
        for (i, exemption) in fees.exemptions.enumerated() {
            let path = "$.fees.exemptions[\(i)]"
            if !codes.insert(exemption.code).inserted { report("\(path).code", "duplicate code \"\(exemption.code)\"") }
            if !(0...100).contains(exemption.percent) { report("\(path).percent", "must be within 0…100") }
        }
        if fees.roundingUnit < 1 { report("$.fees.rounding_unit", "must be at least 1") }
    }

    private func validateNewFacilities(_ report: (String, String) -> Void) {
        let catalogue = self.catalogue
        func requireKind(_ id: FacilityID, _ kind: FacilityKind, _ path: String) {
            guard let facility = catalogue[id] else { return report(path, "unknown facility \"\(id)\"") }
            if facility.kind != kind { report(path, "\"\(id)\" is a \(facility.kind.rawValue), expected a \(kind.rawValue)") }
        }

        requireKind(desks.pool, .desk, "$.desks.pool")
        if desks.count != desks.desks.count { report("$.desks.count", "count \(desks.count) but \(desks.desks.count) desks listed") }
        if let pool = catalogue[desks.pool], pool.capacity != desks.count {
            report("$.desks.count", "count \(desks.count) but the pool \"\(desks.pool)\" has capacity \(pool.capacity)")
        }
        var deskIDs: Set<FacilityID> = []
        for (i, desk) in desks.desks.enumerated() {
            if !deskIDs.insert(desk.id).inserted || catalogue[desk.id] != nil {
                report("$.desks.desks[\(i)].id", "duplicate id \"\(desk.id)\"")
            }
            for (j, feature) in desk.features.enumerated() where !desks.features.contains(feature) {
                report("$.desks.desks[\(i)].features[\(j)]", "unknown feature \"\(feature)\"")
            }
        }
        let periods = Set(divisions.map(\.id.rawValue) + ["day"])
        for (i, period) in desks.periods.enumerated() where !periods.contains(period) {
            report("$.desks.periods[\(i)]", "unknown period \"\(period)\"")
        }
        if desks.windowDays < 0 { report("$.desks.window_days", "must not be negative") }
        if !(1...7).contains(desks.weeklyLimit) { report("$.desks.weekly_limit", "must be within 1…7") }
        if desks.checkInGraceMinutes < 0 { report("$.desks.check_in_grace_minutes", "must not be negative") }
        if desks.fee < 0 { report("$.desks.fee", "negative fee") }

        requireKind(lockers.pool, .locker, "$.lockers.pool")
        if lockers.count != lockers.ids.count { report("$.lockers.count", "count \(lockers.count) but \(lockers.ids.count) ids listed") }
        if let pool = catalogue[lockers.pool], pool.capacity != lockers.count {
            report("$.lockers.count", "count \(lockers.count) but the pool \"\(lockers.pool)\" has capacity \(pool.capacity)")
        }
        var lockerIDs: Set<FacilityID> = []
        for (i, id) in lockers.ids.enumerated() where !lockerIDs.insert(id).inserted || deskIDs.contains(id) || catalogue[id] != nil {
            report("$.lockers.ids[\(i)]", "duplicate id \"\(id)\"")
        }
        if lockers.monthlyFee < 0 { report("$.lockers.monthly_fee", "negative fee") }
        if lockers.minimumMonths < 1 { report("$.lockers.minimum_months", "must be at least 1") }
        if lockers.maxTotalMonths < lockers.minimumMonths { report("$.lockers.max_total_months", "shorter than the minimum term") }
        if lockers.renewalMonths < 1 { report("$.lockers.renewal_months", "must be at least 1") }
        for (i, days) in lockers.reminderDays.enumerated() where days < 1 {
            report("$.lockers.reminder_days[\(i)]", "must be at least 1")
        }

        for (i, bay) in storage.bays.enumerated() { requireKind(bay, .storageBay, "$.storage.bays[\(i)]") }
        var holders: Set<String> = []
        for (i, category) in storage.categories.enumerated() where !holders.insert(category.id).inserted {
            report("$.storage.categories[\(i)].id", "duplicate category \"\(category.id)\"")
        }
    }
}
