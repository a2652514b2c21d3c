import Testing
@testable import HTTPServer

/// The deadline rules as plain values over an injected clock reading.
struct DeadlineTests {
    let timeouts = ConnectionTimeouts(header: 10, idle: 60, body: 30, write: 20, handler: 25, linger: 2)

    @Test func eachPhaseDeadlineIsATotalFromItsStart() {
        #expect(timeouts.deadline(for: .readingHead, since: 100) == 110)
        #expect(timeouts.deadline(for: .idle, since: 100) == 160)
        #expect(timeouts.deadline(for: .readingBody, since: 100) == 130)
        #expect(timeouts.deadline(for: .writing, since: 100) == 120)
        #expect(timeouts.deadline(for: .awaitingHandler, since: 100) == 125)
        #expect(timeouts.deadline(for: .lingering, since: 100) == 102)
    }
    @Test func headDeadlineWithNothingReceivedClosesSilently() {
        #expect(ConnectionTimeouts.action(for: .readingHead, hasPartialRequest: false) == .closeSilently)
    }
    @Test func headDeadlineWithPartialHeadAnswers408() {
        guard case .respondAndClose(let error) = ConnectionTimeouts.action(for: .readingHead, hasPartialRequest: true) else {
            Issue.record("expected a response")
            return
        }
        #expect(error.status == .requestTimeout)
    }
    @Test func handlerDeadlineAnswers503() {
        guard case .respondAndClose(let error) = ConnectionTimeouts.action(for: .awaitingHandler,
                                                                           hasPartialRequest: false) else {
            Issue.record("expected a response")
            return
        }
        #expect(error.status == .serviceUnavailable)
    }
    @Test func idleAndWriteDeadlinesCloseSilently() {
        #expect(ConnectionTimeouts.action(for: .idle, hasPartialRequest: false) == .closeSilently)
        #expect(ConnectionTimeouts.action(for: .writing, hasPartialRequest: false) == .closeSilently)
    }
    @Test func deadlineQueuePopsDueEntriesInOrder() {
        var queue = DeadlineQueue()
        for (i, t) in [50, 10, 40, 30, 20].enumerated() {
            queue.push(.init(deadline: UInt64(t), fd: Int32(i), token: 0))
        }
        var popped: [UInt64] = []
        while let entry = queue.popDue(now: 35) { popped.append(entry.deadline) }
        #expect(popped == [10, 20, 30])
        #expect(queue.earliest == 40)
    }
    @Test func dateIsIMFFixdate() {
        #expect(String(decoding: DateCache.format(784111777), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
