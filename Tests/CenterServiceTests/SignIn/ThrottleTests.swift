import CalendarValues
import Testing
@testable import CenterService

/// Failed sign-ins slow the next attempts, exponentially up to a cap, and
/// never lock anyone out for longer than the cap.
struct ThrottleTests {
    @Test func fiveFailuresAreFreeThenTheDelayDoublesUpToAMinute() {
        let policy = ThrottlePolicy.perAccount
        #expect((0...4).map(policy.delay(afterFailures:)) == [0, 0, 0, 0, 0])
        #expect((5...12).map(policy.delay(afterFailures:)) == [1, 2, 4, 8, 16, 32, 60, 60])
        #expect(policy.delay(afterFailures: 10_000) == 60)
    }

    @Test func addressesGetTwentyFreeFailuresAndWaitAtMostFifteenMinutes() {
        let policy = ThrottlePolicy.perAddress
        #expect(policy.delay(afterFailures: 19) == 0)
        #expect(policy.delay(afterFailures: 20) == 1)
        #expect(policy.delay(afterFailures: 100) == 900)
    }

    @Test func waitCountsFromTheLastFailure() {
        var ledger = ThrottleLedger(policy: .perAccount)
        for second in 0..<6 { ledger.recordFailure("desk1", now: Int64(second)) }
        #expect(ledger.wait("desk1", now: 5) == 2)
        #expect(ledger.wait("desk1", now: 6) == 1)
        #expect(ledger.wait("desk1", now: 7) == 0)
        #expect(ledger.wait("desk2", now: 5) == 0)
    }

    @Test func failuresAreForgottenAfterAnHourWithoutOne() {
        var ledger = ThrottleLedger(policy: .perAccount)
        for _ in 0..<12 { ledger.recordFailure("desk1", now: 0) }
        #expect(ledger.wait("desk1", now: 59) == 1)
        #expect(ledger.wait("desk1", now: 3600) == 0)
        ledger.recordFailure("desk1", now: 3600)
        #expect(ledger.failures("desk1", now: 3600) == 1)
    }

    @Test func successForgetsTheLoginsFailures() {
        var ledger = ThrottleLedger(policy: .perAccount)
        for _ in 0..<8 { ledger.recordFailure("desk1", now: 0) }
        ledger.forget("desk1")
        #expect(ledger.wait("desk1", now: 0) == 0)
    }

    @Test func withdrawnFailureIsNoLongerCounted() {
        var ledger = ThrottleLedger(policy: .perAccount)
        ledger.recordFailure("a", now: 0)
        ledger.recordFailure("a", now: 0)
        ledger.withdrawFailure("a")
        #expect(ledger.failures("a", now: 0) == 1)
    }

    @Test func fullLedgerForgetsTheOldestKeyFirst() {
        var ledger = ThrottleLedger(policy: .perAccount, capacity: 3)
        ledger.recordFailure("a", now: 1)
        ledger.recordFailure("b", now: 2)
        ledger.recordFailure("c", now: 3)
        ledger.recordFailure("d", now: 4)
        #expect(ledger.failures("a", now: 4) == 0)
        #expect(ledger.failures("b", now: 4) == 1)
        #expect(ledger.failures("d", now: 4) == 1)
    }
}

/// Sessions end when idle past their role's timeout or past their lifetime.
struct SessionPolicyTests {
    let start = Instant(secondsSinceEpoch: 1_790_000_000)

    func at(_ seconds: Int64) -> Instant { start.adding(seconds: seconds) }

    @Test func staffSessionEndsAfterThirtyIdleMinutes() {
        let policy = SessionPolicy.of(.staff)
        #expect(policy.standing(createdAt: start, lastSeenAt: start, now: at(29 * 60 + 59)) == .live)
        #expect(policy.standing(createdAt: start, lastSeenAt: start, now: at(30 * 60)) == .idle)
    }

    @Test func plannersAndAdminsHaveTheStaffTimeout() {
        #expect(SessionPolicy.of(.planner) == .staff)
        #expect(SessionPolicy.of(.admin) == .staff)
    }

    @Test func staffSessionEndsAfterTwelveHoursWhateverTheUse() {
        #expect(SessionPolicy.staff.standing(createdAt: start, lastSeenAt: at(12 * 3600 - 1), now: at(12 * 3600)) == .lifetimeOver)
    }

    @Test func memberSessionLastsFourteenIdleDaysAndThirtyInAll() {
        let policy = SessionPolicy.of(.member)
        #expect(policy.standing(createdAt: start, lastSeenAt: start, now: at(14 * 86_400 - 1)) == .live)
        #expect(policy.standing(createdAt: start, lastSeenAt: start, now: at(14 * 86_400)) == .idle)
        #expect(policy.standing(createdAt: start, lastSeenAt: at(29 * 86_400), now: at(30 * 86_400)) == .lifetimeOver)
    }
}

/// Sign-up codes: typable, unambiguous, read leniently.
struct SignUpCodeTests {
    @Test func generatedCodeHasTwelveCharactersOfTheAlphabet() {
        for _ in 0..<50 {
            let code = SignUpCode.generate()
            #expect(code.text.count == 12)
            #expect(code.text.allSatisfy(SignUpCode.alphabet.contains))
        }
    }

    @Test func alphabetHasNoLookalikes() {
        for character in "0O1IL" { #expect(!SignUpCode.alphabet.contains(character)) }
        #expect(SignUpCode.alphabet.count == 31)
    }

    @Test func codeIsPrintedInGroupsOfFour() {
        #expect(SignUpCode(text: "K7QM3XPA9RTD").display == "K7QM-3XPA-9RTD")
    }

    @Test(arguments: ["K7QM-3XPA-9RTD", "k7qm3xpa9rtd", " K7QM 3XPA 9RTD ", "Ｋ７ＱＭ－３ＸＰＡ－９ＲＴＤ"])
    func typedCodeIsReadLeniently(_ typed: String) {
        #expect(SignUpCode(typed: typed)?.text == "K7QM3XPA9RTD")
    }

    @Test(arguments: ["K7QM-3XPA-9RT", "K7QM-3XPA-9RTDD", "K7QM-3XPA-9RT0", "K7QM-3XPA-9RTO", ""])
    func otherTextIsNoCode(_ typed: String) {
        #expect(SignUpCode(typed: typed) == nil)
    }
}
