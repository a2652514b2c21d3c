/// The checks of the lottery rounds (`lottery`), part of `CenterConfiguration.validate()`.
extension CenterConfiguration {
    func validateLottery(_ report: (String, String) -> Void) {
        guard let lottery else { return }
        let catalogue = self.catalogue
        var ids: Set<String> = []
        var drawn: [FacilityID: Set<UserCategory>] = [:]
        for (i, round) in lottery.rounds.enumerated() {
            let path = "$.lottery.rounds[\(i)]"
            if !ids.insert(round.id).inserted { report("\(path).id", "duplicate round id \"\(round.id)\"") }
            if !IdentifierCodingKey.isKebabCase(round.id) { report("\(path).id", "\"\(round.id)\" is not kebab-case") }
            if round.facilities.isEmpty { report("\(path).facilities", "a round draws at least one facility") }
            var classes: Set<String> = []
            var listed: Set<FacilityID> = []
            for (j, id) in round.facilities.enumerated() {
                let place = "\(path).facilities[\(j)]"
                guard let facility = catalogue[id] else { report(place, "unknown facility \"\(id)\""); continue }
                if facility.kind != .room || !facility.bookable || facility.unit != .division {
                    report(place, "\"\(id)\" is not a room booked by division")
                }
                if !listed.insert(id).inserted {
                    report(place, "\"\(id)\" is listed twice")
                } else {
                    if let category = drawn[id, default: []].intersection(round.participants).sorted().first {
                        report(place, "\(category.rawValue) already enters another round for \"\(id)\"")
                    }
                    drawn[id, default: []].formUnion(round.participants)
                }
                classes.insert(MonthlyLimit.facilityClass(of: facility))
            }
            if classes.count > 1 { report("\(path).facilities", "a round's facilities are of one ordinance category") }
            if round.participants.isEmpty { report("\(path).participants", "a round needs participants") }
            for (j, category) in round.participants.enumerated() {
                let place = "\(path).participants[\(j)]"
                if round.participants.prefix(j).contains(category) {
                    report(place, "\(category.rawValue) is listed twice")
                } else if category.isCommunity {
                    report(place, "community groups book first come (目的外使用規則 第2条) and do not enter a lottery")
                } else if let opens = window(for: category)?.opens {
                    if opens != .firstOfMonth(monthsBefore: round.monthsBefore) {
                        report(place, "the round takes the place of \(category.rawValue)'s window, so that window must be "
                               + "{\"rule\": \"first_of_month\", \"months_before\": \(round.monthsBefore)}")
                    }
                } else {
                    report(place, "\"\(category.rawValue)\" books no rooms")
                }
                for inWard in [true, false] where round.tier(category: category, inWard: inWard) == nil {
                    report("\(path).tiers", "no tier takes \(category.rawValue) \(inWard ? "in" : "outside") the ward")
                }
            }
            var tierIDs: Set<String> = []
            for (j, tier) in round.tiers.enumerated() where !tierIDs.insert(tier.id).inserted || !LotteryBallot.isPlainID(tier.id) {
                report("\(path).tiers[\(j)].id", "tier ids are unique, 1–64 of A–Z a–z 0–9 _ . -")
            }
            if !(1...WindowOpening.maximumMonths).contains(round.monthsBefore) {
                report("\(path).months_before", "must be within 1…\(WindowOpening.maximumMonths)")
            }
            let days = 1...28
            if !days.contains(round.entry.fromDay) { report("\(path).entry.from_day", "must be within 1…28") }
            if !days.contains(round.entry.toDay) || round.entry.toDay < round.entry.fromDay {
                report("\(path).entry.to_day", "must be within from_day…28")
            }
            if !days.contains(round.draw.day) || round.draw.day <= round.entry.toDay {
                report("\(path).draw.day", "must be after the last entry day, within 28")
            }
            if !days.contains(round.firstCome.day) || (round.firstCome.day, round.firstCome.time) < (round.draw.day, round.draw.time) {
                report("\(path).first_come", "must be at or after the draw, within day 28")
            }
            if round.maxEntriesPerRegistration < 1 { report("\(path).max_entries_per_registration", "must be at least 1") }
            if round.maxWinsPerRegistration < 1 { report("\(path).max_wins_per_registration", "must be at least 1") }
        }
    }
}
