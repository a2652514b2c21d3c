import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let registration = EntityKind("registration")
}

/// 利用登録: registrations created (every category, validities from a few
/// weeks to one day past the rule), renewed, suspended and lifted, and their
/// validity cut short, by staff.
public struct RegistrationOperations: OperationFamily {
    public let name = "registrations"

    public func weight(_ view: WorldView) -> Int {
        let count = view.world.count(.registration)
        return count < 6 ? 40 : count < 24 ? 8 : 3
    }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let registrations = view.world.all(.registration)
        switch registrations.isEmpty ? 0 : random.weighted([8, 3, 1, 1, 1, 1]) {
        case 0:
            let categories: [UserCategory] = [.general, .smallBusiness, .economicGroup, .communityGroup, .ward, .freelancer]
            let category = categories[random.weighted([4, 3, 2, 3, 3, 5]) ?? 0]
            // Most cards run the full two years from today; some started
            // long ago, start later, or run short (to lapse in the run); a
            // few ask one day too long.
            let validity = random.weighted([12, 2, 2, 1, 1]) ?? 0
            let from = validity == 1 ? -random.int(300...720) : validity == 4 ? random.int(1...40) : 0
            let length: Int? = switch validity {
            case 2: random.int(20...200)
            case 3: -1
            default: nil
            }
            let numbered = category == .smallBusiness ? random.chance(0.6) : category == .general && random.chance(0.2)
            return RegisterOperation(category: category, inWard: random.chance(0.8), validFromOffset: from, validDays: length,
                                     corporateNumber: numbered ? CorporateNumbers.make(&random) : nil,
                                     person: random.int(0...(People.names.count - 1)), kanaStyle: random.int(0...2))
        case 1:
            return random.pick(registrations).map { RenewOperation(registration: $0.ref) }
        case 2:
            return random.pick(registrations).map { SuspendOperation(registration: $0.ref, days: random.int(1...20)) }
        case 3:
            return random.pick(registrations).map { SuspendOperation(registration: $0.ref, days: nil) }
        case 4:
            return random.pick(registrations).map { ValidUntilOperation(registration: $0.ref, days: random.int(0...90)) }
        default:
            // A name corrected at the counter (a marriage, a typo): the search keys must follow.
            return random.pick(registrations).map {
                RenameOperation(registration: $0.ref, person: random.int(0...(People.names.count - 1)), withKana: random.chance(0.7))
            }
        }
    }
}

extension WorldView {
    /// The registrations valid and not suspended today, as the database
    /// has them (generators aim at them most of the time).
    public func activeRegistrations() throws -> [Entity] {
        let day = DatabaseReader.Cell.text(today.description)
        let active = Set(try db.rows("""
            SELECT id FROM registrations WHERE valid_from <= ? AND valid_until >= ?
                AND (status = 'active' OR suspended_until < ?)
            """, [day, day, day]).compactMap { $0.first?.int })
        return world.all(.registration).filter { active.contains($0.id) }
    }

    /// A registration that `wanted` accepts: an active one most of the
    /// time, any otherwise.
    public func someRegistration(_ random: inout SimulationRandom, where wanted: (Entity) -> Bool = { _ in true }) throws -> Entity? {
        let active = try activeRegistrations().filter(wanted)
        if !active.isEmpty, random.chance(0.9) { return random.pick(active) }
        return random.pick(world.all(.registration).filter(wanted))
    }
}

/// The names registrations are made with (name, フリガナ), a step's number
/// after the name keeping each one apart: common surnames, so that a
/// search finds several.
public enum People {
    public static let names: [(name: String, kana: String)] = [
        ("山田 花子", "ヤマダ ハナコ"), ("山田 太郎", "やまだ たろう"), ("佐藤 健", "サトウ ケン"), ("鈴木 一郎", "スズキ イチロウ"),
        ("髙橋 美咲", "タカハシ ミサキ"), ("高橋 翔", "タカハシ ショウ"), ("中野 商店", "ナカノ ショウテン"),
        ("株式会社 中野企画", "ナカノキカク"), ("伊藤 さくら", "イトウ サクラ"), ("渡辺 ゆい", "ワタナベ ユイ"),
    ]

    /// The フリガナ of `person` in `style`: none, as listed, or without its space.
    static func kana(_ person: Int, style: Int) -> String? {
        let kana = names[person % names.count].kana
        switch style {
        case 0: return nil
        case 1: return kana
        default: return kana.split(separator: " ").joined()
        }
    }
}

/// Valid corporate numbers (法人番号) with their check digit.
public enum CorporateNumbers {
    public static func make(_ random: inout SimulationRandom) -> String {
        let base = (0..<12).map { _ in random.int(0...9) }
        return String(CorporateNumber.checkDigit(base: base)) + base.map(String.init).joined()
    }
}

/// `POST /registrations` by staff.
struct RegisterOperation: SimOperation {
    let category: UserCategory
    let inWard: Bool
    /// The first valid day, in days from today.
    let validFromOffset: Int
    /// Days of validity; nil for the longest (the default); -1 for one day
    /// more than the rule allows (refused).
    let validDays: Int?
    let corporateNumber: String?
    /// Whose name (`People.names`), and how its フリガナ is typed.
    var person = 0
    var kanaStyle = 0

    var description: String {
        "register \(People.names[person % People.names.count].name) \(category.rawValue)\(inWard ? "" : " out-of-ward") from today\(validFromOffset == 0 ? "" : "\(validFromOffset)")"
            + (validDays.map { $0 < 0 ? " one day too long" : " for \($0) days" } ?? "")
            + (corporateNumber.map { " corp \($0)" } ?? "")
    }

    func run(_ context: StepContext) async -> Outcome {
        let from = context.today.adding(days: validFromOffset)
        let validity = context.center.settings.center.registration
        let until: LocalDate? = switch validDays {
        case nil: nil
        case let days? where days < 0: validity.longestValidUntil(issued: from).adding(days: 1)
        case let days?: from.adding(days: days)
        }
        var evidence = RegistrationEvidence()
        switch category {
        case .economicGroup: evidence = RegistrationEvidence(hasOfficeInWard: true)
        case .communityGroup: evidence = RegistrationEvidence(memberCount: 8, membersInWard: 5)
        case .smallBusiness: evidence = RegistrationEvidence(hasOfficeInWard: true, sector: .services, capitalYen: 10_000_000)
        default: break
        }
        evidence.corporateNumber = corporateNumber
        let input = RegistrationInput(category: category, name: "\(People.names[person % People.names.count].name) \(context.step)",
                                      nameKana: People.kana(person, style: kanaStyle),
                                      contact: "03-5000-\(1000 + context.step % 9000)", inWard: inWard, evidence: evidence,
                                      validFrom: validFromOffset == 0 ? nil : from, validUntil: until)
        return await Outcome.of(AnsweredValue.registration) {
            try await context.service.registrations.register(input, by: Actors.staff, idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .registration(let record)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .registration, ref: Ref(step: step), id: record.id, category: category, detail: corporateNumber))
    }
}

/// `POST /registrations/{id}/renew` by staff.
struct RenewOperation: SimOperation {
    let registration: Ref

    var description: String { "renew registration \(registration)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        return await Outcome.of(AnsweredValue.registration) {
            try await context.service.registrations.renew(id: entity.id, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}

/// `PATCH /registrations/{id}` by staff: `suspended_until` some days ahead,
/// or `null` to lift a suspension (no Idempotency-Key: a PATCH).
struct SuspendOperation: SimOperation {
    let registration: Ref
    /// Days from today the suspension runs to; nil lifts it.
    let days: Int?

    var isKeyed: Bool { false }
    var description: String { days.map { "suspend registration \(registration) for \($0) days" } ?? "lift the suspension of \(registration)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        let until: LocalDate?? = .some(days.map { context.today.adding(days: $0) })
        return await Outcome.of(plain: AnsweredValue.registration) {
            try await context.service.registrations.update(id: entity.id, RegistrationPatch(suspendedUntil: until), by: Actors.staff)
        }
    }
}

/// `PATCH /registrations/{id}` by staff: `valid_until` some days from today
/// (a group that dissolves; no Idempotency-Key: a PATCH).
struct ValidUntilOperation: SimOperation {
    let registration: Ref
    let days: Int

    var isKeyed: Bool { false }
    var description: String { "end registration \(registration)'s validity in \(days) days" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        let patch = RegistrationPatch(validUntil: context.today.adding(days: days))
        return await Outcome.of(plain: AnsweredValue.registration) {
            try await context.service.registrations.update(id: entity.id, patch, by: Actors.staff)
        }
    }
}

/// `PATCH /registrations/{id}` by staff: the name (and フリガナ) corrected
/// (no Idempotency-Key: a PATCH).
struct RenameOperation: SimOperation {
    let registration: Ref
    let person: Int
    let withKana: Bool

    var isKeyed: Bool { false }
    var description: String { "rename registration \(registration) to \(People.names[person % People.names.count].name)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        let patch = RegistrationPatch(name: "\(People.names[person % People.names.count].name) \(registration.step)",
                                      nameKana: withKana ? .some(People.kana(person, style: 1)) : nil)
        return await Outcome.of(plain: AnsweredValue.registration) {
            try await context.service.registrations.update(id: entity.id, patch, by: Actors.staff)
        }
    }
}
