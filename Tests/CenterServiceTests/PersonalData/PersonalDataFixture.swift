import CenterDomain
import Foundation
import JSON
import Store
@testable import CenterService
import CalendarValues

/// A registration planted with personal data in every place the service
/// keeps it (registration, member token, bookings with purpose and guardian,
/// a closure that cancelled one, a no-show penalty, the locker waitlist, an
/// offer and a lease with its identity document, a storage application with
/// an item taken out and returned, idempotent responses), and a second
/// registration whose data must survive the first one's erasure.
struct PersonalDataFixture {
    /// The planted registration's personal values, each a distinct marker.
    static let canaries = ["中野花子サークル", "hanako-canary@example.jp", "花子の携帯端末", "花子さんの送別会",
                           "保護者太郎", "練習会の花子", "一番奥の棚を希望", "運転免許証第123456号", "持出人次郎", "返却人三郎"]
    /// The other registration's, which stay.
    static let kept = ["残る団体の名前", "keep-contact@example.jp", "残る予約の目的"]

    let registration: Int64
    let other: Int64
    let member: Actor

    static let identity = LesseeCheck(document: "運転免許証第123456号", checkedBy: "Sato", checkedOn: BookingFixture.today)

    static func key(_ text: String) throws -> IdempotencyKey { try IdempotencyKey(key: text, requestHash: Array(text.utf8)) }

    /// Plants everything on 2026-11-25 and moves the clock to 2026-12-11,
    /// after every use (the unused paid booking becomes a no-show).
    static func plant(_ f: BookingFixture) async throws -> PersonalDataFixture {
        let service = f.service
        let evidence = RegistrationEvidence(memberCount: 8, membersInWard: 5)
        let registration = try await service.registrations.register(
            RegistrationInput(category: .communityGroup, name: canaries[0], contact: canaries[1], evidence: evidence,
                              validUntil: LocalDate("2027-03-31")), by: f.staff, idempotency: key("register-1")).value!.id
        let other = try await service.registrations.register(
            RegistrationInput(category: .communityGroup, name: kept[0], contact: kept[1], evidence: evidence), by: f.staff).value!.id
        let (_, token) = try await service.registrations.mintMemberToken(registration: registration, name: canaries[2], by: f.staff)
        let member = Actor(tokenID: token.id, role: .member, name: token.name, registrationID: registration)

        let used = try await service.bookings.book(BookingRequest(facility: "meeting-room-1", date: date("2026-12-10"), divisions: [.am],
                                                         registration: registration, purpose: canaries[3], guardian: canaries[4]),
                                          by: member, idempotency: key("book-1")).value!
        _ = try await service.bookings.pay(booking: used.id, by: f.staff)
        _ = try await service.bookings.book(BookingRequest(facility: "meeting-room-1", date: date("2026-12-17"), divisions: [.am],
                                                  registration: registration, purpose: canaries[5]), by: f.staff)
        _ = try await service.calendar.declareClosure(ClosureInput(date: date("2026-12-17"), facilities: ["meeting-room-1"],
                                                          reasonJa: "設備点検"), by: f.staff)
        _ = try await service.bookings.book(BookingRequest(facility: "meeting-room-1", date: date("2026-12-10"), divisions: [.pm],
                                                  registration: other, purpose: kept[2]), by: f.staff)

        let entry = try await service.lockers.joinWaitlist(registration: registration, note: canaries[6], by: member).value!
        let offer = try await service.lockers.waitlist().first { $0.id == entry.id }?.offer
        _ = try await service.lockers.acceptOffer(id: offer!.id, LockerLeaseRequest(
            registration: nil, startMonth: YearMonth("2026-12")!, months: 6, corporateNumber: "7000012050002",
            identityCheck: identity), by: f.staff)

        let application = try await service.storage.apply(StorageApplicationInput(registration: registration, fiscalYear: 2026, units: 1),
                                                             by: f.staff).value!
        _ = try await service.storage.allocate(fiscalYear: 2026, by: f.staff)
        let allocation = try await service.storage.applications(fiscalYear: 2026).first { $0.id == application.id }!.allocation!
        let item = try await service.storage.registerItem(allocation: allocation, name: "折りたたみ椅子", quantity: 4, by: f.staff).value!
        _ = try await service.storage.checkOutItem(id: item.id, event: "夏祭り", person: canaries[8], toWhere: "中野四季の森公園", by: f.staff)
        _ = try await service.storage.returnItem(id: item.id, person: canaries[9], by: f.staff)

        f.clock.set(Instant(japanDate: date("2026-12-11"), minuteOfDay: 600))
        _ = try await service.bookings.closeUsedBookings(now: f.clock.now())
        return PersonalDataFixture(registration: registration, other: other, member: member)
    }

    /// Every text and blob value of every table, one a line.
    static func everything(in pool: DatabasePool) async throws -> String {
        try await pool.read { db in
            let tables: [String] = try db.query("SELECT name FROM sqlite_schema WHERE type = 'table'").map { try $0.get(0) }
            var lines: [String] = []
            for table in tables {
                for row in try db.query("SELECT * FROM \"\(table)\"") {
                    for index in row.columns.indices {
                        switch row[index] {
                        case .text(let text): lines.append("\(table).\(row.columns[index]): \(text)")
                        case .blob(let bytes): lines.append("\(table).\(row.columns[index]): \(String(decoding: bytes, as: UTF8.self))")
                        default: break
                        }
                    }
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Where any of `values` still appears, as `table.column: text` lines.
    static func traces(of values: [String], in pool: DatabasePool) async throws -> [String] {
        try await everything(in: pool).split(separator: "\n").map(String.init).filter { line in
            values.contains { line.contains($0) }
        }
    }

    /// Every report of the fiscal years planted in, as the API would encode it.
    static func reports(_ service: CenterService) async throws -> [String: [UInt8]] {
        var reports: [String: [UInt8]] = [:]
        for year in [FiscalYear(2026), FiscalYear(2027)] {
            reports["utilization \(year)"] = try JSONCodec.encode(try await service.reports.utilization(fiscalYear: year))
            reports["revenue \(year)"] = try JSONCodec.encode(try await service.reports.revenue(fiscalYear: year))
            reports["lockers \(year)"] = try JSONCodec.encode(try await service.reports.lockers(fiscalYear: year))
        }
        reports["quota 2026-12"] = try JSONCodec.encode(try await service.reports.communityQuota(month: YearMonth("2026-12")!))
        reports["desks 2026-12"] = try JSONCodec.encode(try await service.desks.occupancy(from: date("2026-12-01"), to: date("2026-12-31")))
        let counts = try await service.bookings.countsByState()
        reports["bookings by state"] = Array(counts.map { "\($0.state)=\($0.count)" }.joined(separator: ",").utf8)
        return reports
    }
}
