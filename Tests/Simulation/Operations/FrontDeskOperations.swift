import CalendarValues
import CenterDomain
import CenterService

/// 窓口 reads: the day sheet (本日の予約一覧) of today or a day ahead, and
/// registrations searched by a part of the name or its フリガナ (as staff
/// type it: a surname, a given name, kana, an old form of a kanji), by the
/// last digits of a phone number, by corporate number, by category and
/// status. What they answer is judged against the database.
public struct FrontDeskOperations: OperationFamily {
    public let name = "front desk"

    public func weight(_ view: WorldView) -> Int { view.world.count(.registration) > 0 ? 6 : 0 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        if random.chance(0.5) {
            // Today most often; a booked day ahead otherwise.
            let ahead = view.world.all(.booking).compactMap { BookingFacts($0.detail)?.first }.filter { $0 > view.today }
            let offset = random.chance(0.6) ? 0 : random.pick(ahead).map { view.today.days(until: $0) } ?? random.int(1...7)
            return DaySheetOperation(dayOffset: offset)
        }
        var search = SearchOperation()
        switch random.weighted([6, 2, 1, 2]) ?? 0 {
        case 0:
            let person = People.names[random.int(0...(People.names.count - 1))]
            let words = person.name.split(separator: " ").map(String.init) + person.kana.split(separator: " ").map(String.init)
            var query = random.pick(words) ?? person.name
            // 高橋 finds 髙橋 too; hiragana finds katakana.
            if random.chance(0.2) { query = query.replacingOccurrencesOfScalar("髙", with: "高") }
            search.name = query
        case 1:
            let contacts = try view.db.rows("SELECT contact FROM registrations ORDER BY id").compactMap { $0.first?.text }
            guard let contact = random.pick(contacts) else { return nil }
            let digits = contact.filter(\.isASCIIDigit)
            search.phone = String(digits.suffix(random.chance(0.7) ? 4 : digits.count))
        case 2:
            search.corporateNumber = random.pick(view.world.all(.registration).compactMap(\.detail))
            if search.corporateNumber == nil { search.name = "中野" }
        default:
            search.category = random.pick([UserCategory.general, .smallBusiness, .communityGroup, .ward, .freelancer])
            search.status = random.pick([nil, RegistrationStatus.active, .suspended, .expired]) ?? nil
        }
        return search
    }
}

extension String {
    /// The string with every `scalar` replaced by `replacement`.
    func replacingOccurrencesOfScalar(_ scalar: Unicode.Scalar, with replacement: Unicode.Scalar) -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == scalar ? replacement : $0 }))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// `GET /front-desk/day?date=` by staff.
struct DaySheetOperation: SimOperation {
    let dayOffset: Int

    var isKeyed: Bool { false }
    var description: String { dayOffset == 0 ? "read today's day sheet" : "read the day sheet \(dayOffset) days ahead" }

    func run(_ context: StepContext) async -> Outcome {
        context.evidence.readOnly = true
        let date = context.today.adding(days: dayOffset)
        return await Outcome.of(plain: AnsweredValue.daySheet) { try await context.service.frontDesk.daySheet(date: date) }
    }
}

/// `GET /registrations?q=&phone=&corporate_number=&category=&status=` by staff.
struct SearchOperation: SimOperation {
    var name: String?
    var phone: String?
    var corporateNumber: String?
    var category: UserCategory?
    var status: RegistrationStatus?

    var isKeyed: Bool { false }
    var description: String {
        "search registrations " + [name.map { "q=\($0)" }, phone.map { "phone=\($0)" }, corporateNumber.map { "corporate=\($0)" },
                                   category.map { "category=\($0.rawValue)" }, status.map { "status=\($0.rawValue)" }]
            .compactMap { $0 }.joined(separator: " ")
    }

    func run(_ context: StepContext) async -> Outcome {
        context.evidence.readOnly = true
        var search = RegistrationSearch(phoneDigits: phone, category: category, status: status, limit: RegistrationSearch.maximumLimit)
        do {
            if let name { search.name = try NameQuery(name) }
            if let corporateNumber { search.corporateNumber = try CorporateNumber(corporateNumber) }
        } catch {
            return Outcome(error)
        }
        let query = search
        let outcome = await Outcome.of(plain: AnsweredValue.registrations) { try await context.service.registrations.search(query) }
        if case .registrations(let found)? = outcome.answer?.value {
            context.evidence.searches.append(StepEvidence.Search(search: query, query: description, found: found.map(\.id)))
        }
        return outcome
    }
}
