import CalendarValues
import Testing
@testable import CenterService

/// A new booking wakes the booking timer only when its hold lapses before
/// the timer would wake by itself; a nudge while the timer runs a round is
/// kept for its next wait.
struct BookingTimerTests {
    let wakesAt = Instant(japanDate: LocalDate(year: 2026, month: 12, day: 1)!, minuteOfDay: 600)

    /// Yields until the timer waits (no sleeping: the waiting task only needs a turn).
    func untilWaiting(_ timer: BookingTimer) async {
        while !timer.isWaiting { await Task.yield() }
    }

    @Test func aHoldLapsingAfterTheWakeUpLeavesTheTimerAsleep() async {
        let timer = BookingTimer()
        let waiting = Task { await timer.wait(wakingAt: wakesAt) }
        await untilWaiting(timer)
        timer.nudge(deadline: wakesAt.adding(seconds: 1))
        #expect(timer.isWaiting)
        timer.nudge(deadline: wakesAt)
        #expect(timer.isWaiting)
        timer.nudge(deadline: wakesAt.adding(seconds: -1))
        await waiting.value
        #expect(!timer.isWaiting)
    }

    @Test func aNudgeWhileNobodyWaitsIsKeptForTheNextWait() async {
        let timer = BookingTimer()
        timer.nudge(deadline: wakesAt.adding(seconds: 86_400))
        await timer.wait(wakingAt: wakesAt)
        #expect(!timer.isWaiting)
    }
}
