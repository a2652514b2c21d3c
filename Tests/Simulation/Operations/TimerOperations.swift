import CalendarValues
import CenterDomain
import CenterService

/// The service's own timers (no cron), run by the simulation instead of by
/// their loops so a run replays exactly: lottery commitments are published
/// and draws run, provisional holds lapse, used bookings close (done,
/// no-show), desk no-shows are released, lockers advance (offers expire,
/// leases end, reminders, offers of freed lockers), waiting-list offers
/// expire and freed slots are offered.
/// They fire late (the clock has run past what was due, or the round reads
/// a `now` taken minutes before it writes) and twice (the same round again,
/// which must change nothing).
public struct TimerOperations: OperationFamily {
    public let name = "timers"

    public func weight(_ view: WorldView) -> Int { 12 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        TimerRoundOperation(twice: random.chance(0.25), staleSeconds: random.chance(0.2) ? Int64(random.int(1...600)) : 0)
    }
}

/// One round of every timer at `now − staleSeconds`, run once or twice.
struct TimerRoundOperation: SimOperation {
    let twice: Bool
    let staleSeconds: Int64

    var isKeyed: Bool { false }
    var description: String { "timers\(staleSeconds > 0 ? " \(staleSeconds) s late" : "")\(twice ? ", twice" : "")" }

    /// Each timer's round, by name.
    static func rounds(_ service: CenterService) -> [(String, @Sendable (Instant) async throws -> String)] {
        let bookings = service.bookings, desks = service.desks, lockers = service.lockers
        let lottery = service.lottery, waitingList = service.waitingList
        return [
            ("lottery.advance", { advance in
                let done = try await lottery.advance(now: advance)
                return "committed \(done.committed.count), drawn \(done.drawn.count)"
            }),
            ("booking.lapse", { "lapsed \(try await bookings.lapseDue(now: $0).count)" }),
            ("booking.close_used", { "closed \(try await bookings.closeUsedBookings(now: $0).count)" }),
            ("desk.no_shows", { "released \(try await desks.releaseNoShows(now: $0).count)" }),
            ("lockers.advance", { advance in
                let done = try await lockers.advance(now: advance)
                return "offers +\(done.newOffers.count) -\(done.expiredOffers.count), ended \(done.endedLeases.count)"
            }),
            ("waiting_list.advance", { "offered \(try await waitingList.advance(now: $0).count)" }),
        ]
    }

    func run(_ context: StepContext) async -> Outcome {
        let now = context.now.adding(seconds: -staleSeconds)
        var notes: [String] = []
        var succeeded: Set<String> = []
        defer { context.evidence.timers = StepEvidence.TimerRound(at: now, succeeded: succeeded) }
        for (name, round) in Self.rounds(context.service) {
            let first = await Self.attempt(name, round, now)
            notes.append(first.note)
            if first.succeeded { succeeded.insert(name) }
            guard twice, first.succeeded, let before = try? context.images() else { continue }
            let second = await Self.attempt(name, round, now)
            if second.succeeded, let after = try? context.images() {
                context.evidence.repeats.append(StepEvidence.Repeat(what: name, first: before, second: after))
            }
        }
        return .done(notes.joined(separator: "; "))
    }

    private static func attempt(_ name: String, _ round: @Sendable (Instant) async throws -> String,
                                _ now: Instant) async -> (note: String, succeeded: Bool) {
        do {
            return ("\(name): \(try await round(now))", true)
        } catch {
            return ("\(name) failed: \(error)", false)
        }
    }
}
