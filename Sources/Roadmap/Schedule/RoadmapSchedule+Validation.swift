import CalendarValues

/// Start-up validation of the schedule (スケジュールの検証). Every problem is
/// reported with the file, the JSON path and what is wrong, e.g.
/// `roadmap.json: $.items[3].depends_on[0]: unknown item "wifi"`.
extension RoadmapSchedule {
    /// Throws `invalid_schedule` listing every problem found, or returns.
    public func validate(facilityIDs: Set<String>? = nil) throws(RoadmapError) {
        let problems = validationProblems(facilityIDs: facilityIDs)
        guard problems.isEmpty else {
            throw RoadmapError(.invalidSchedule, problems.joined(separator: "; "))
        }
    }

    /// Every problem of the schedule, in file order; empty when valid.
    public func validationProblems(facilityIDs: Set<String>? = nil) -> [String] {
        stepProblems() + itemProblems(facilityIDs: facilityIDs) + cycleProblems() + managerProblems()
    }

    /// Whether a string is a kebab-case id: `meeting-room-1`.
    static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    private func stepProblems() -> [String] {
        var problems: [String] = []
        let at = "roadmap.json: $.steps"
        if steps.map(\.number) != [1, 2, 3] {
            problems.append("\(at): expected steps 1, 2 and 3 in order, got \(steps.map(\.number))")
        }
        for (index, step) in steps.enumerated() where step.lastFiscalYear < step.firstFiscalYear {
            problems.append("\(at)[\(index)].last_fiscal_year: before first_fiscal_year")
        }
        for index in steps.indices.dropFirst() where steps[index].firstFiscalYear != steps[index - 1].lastFiscalYear + 1 {
            problems.append("\(at)[\(index)].first_fiscal_year: does not follow step \(steps[index - 1].number)")
        }
        return problems
    }

    private func itemProblems(facilityIDs: Set<String>?) -> [String] {
        var problems: [String] = []
        var firstIndex: [String: Int] = [:]
        let known = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let span = FiscalYear(fiscalYears.lowerBound).firstMonth...FiscalYear(fiscalYears.upperBound).lastMonth
        for (index, item) in items.enumerated() {
            let at = "roadmap.json: $.items[\(index)]"
            if !Self.isKebabCase(item.id) {
                problems.append("\(at).id: \"\(item.id)\" is not kebab-case")
            }
            if let first = firstIndex[item.id] {
                problems.append("\(at).id: duplicate id \"\(item.id)\" (first at $.items[\(first)])")
            } else {
                firstIndex[item.id] = index
            }
            if item.titleJa.isEmpty { problems.append("\(at).title_ja: empty") }
            if item.titleEn.isEmpty { problems.append("\(at).title_en: empty") }
            if !(1...3).contains(item.step) {
                problems.append("\(at).step: \(item.step) is not in 1...3")
            }
            problems += ItemDates.problems(of: item).map { "\(at).\($0)" }
            if !span.contains(item.plannedStart) || !span.contains(item.plannedEnd) {
                problems.append("\(at).planned_start: plan \(item.plannedStart)–\(item.plannedEnd) outside the roadmap \(span.lowerBound)–\(span.upperBound)")
            }
            for (d, dependency) in item.dependsOn.enumerated() {
                let dAt = "\(at).depends_on[\(d)]"
                guard let other = known[dependency] else {
                    problems.append("\(dAt): unknown item \"\(dependency)\"")
                    continue
                }
                if dependency == item.id {
                    problems.append("\(dAt): an item cannot depend on itself")
                } else if other.plannedEnd > item.plannedEnd {
                    problems.append("\(at).planned_end: \(item.plannedEnd) before the planned end \(other.plannedEnd) of dependency \"\(dependency)\"")
                }
                if item.status == .done && other.status != .done && other.status != .cancelled {
                    problems.append("\(at).status: done, but dependency \"\(dependency)\" is \(other.status.rawValue)")
                }
            }
            for (c, closure) in item.closures.enumerated() {
                let cAt = "\(at).closures[\(c)]"
                if closure.facilities.isEmpty { problems.append("\(cAt).facilities: empty") }
                for (f, facility) in closure.facilities.enumerated() {
                    let known = facilityIDs.map { $0.contains(facility) } ?? Self.isKebabCase(facility)
                    if !known { problems.append("\(cAt).facilities[\(f)]: unknown facility \"\(facility)\"") }
                }
            }
        }
        return problems
    }

    private func cycleProblems() -> [String] {
        guard let cycle = DependencyGraph(items: items).firstCycle() else { return [] }
        let index = items.firstIndex { $0.id == cycle[0] } ?? 0
        return ["roadmap.json: $.items[\(index)].depends_on: dependency cycle " + cycle.joined(separator: " → ")]
    }

    private func managerProblems() -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for (index, term) in managers.enumerated() {
            let at = "designated-managers.json: $.terms[\(index)]"
            if !Self.isKebabCase(term.id) { problems.append("\(at).id: \"\(term.id)\" is not kebab-case") }
            if !seen.insert(term.id).inserted { problems.append("\(at).id: duplicate id \"\(term.id)\"") }
            if term.label.isEmpty { problems.append("\(at).label: empty") }
            if term.source.isEmpty { problems.append("\(at).source: empty") }
            if term.end < term.start { problems.append("\(at).end: before start") }
            guard index > 0 else { continue }
            let previous = managers[index - 1]
            if term.start <= previous.end {
                problems.append("\(at).start: \(term.start) overlaps term \"\(previous.id)\" ending \(previous.end)")
            } else if term.start != previous.end.adding(days: 1) {
                problems.append("\(at).start: gap after term \"\(previous.id)\" ending \(previous.end)")
            }
        }
        return problems
    }
}
