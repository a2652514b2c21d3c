import Testing
@testable import HTTPServer

/// The epoll data of a connection names its fd and its serial, so events of
/// a closed connection are not taken for a new one on the same fd.
struct EventDataTests {
    @Test func eventDataCarriesTheFdInTheLowHalf() {
        let data = EventLoop.eventData(fd: 42, serial: 7)
        #expect(Int32(truncatingIfNeeded: data) == 42)
        #expect(UInt32(truncatingIfNeeded: data >> 32) == 7)
    }

    @Test func sameFdOfAnotherConnectionGivesOtherData() {
        #expect(EventLoop.eventData(fd: 42, serial: 7) != EventLoop.eventData(fd: 42, serial: 8))
    }

    @Test func eventDataNeverEqualsTheLoopsOwnTokens() {
        for serial: UInt64 in [0, 1, 0x7FFF_FFFF, 0xFFFF_FFFF, UInt64.max] {
            let data = EventLoop.eventData(fd: Int32.max, serial: serial)
            #expect(data != EventLoop.listenerToken)
            #expect(data != EventLoop.wakeToken)
        }
    }
}
