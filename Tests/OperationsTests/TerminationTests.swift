import Glibc
import Testing
import Operations

/// Decoding `waitpid` statuses for the supervisor's log.
@Suite struct TerminationTests {
    @Test func exitStatusIsDecoded() {
        #expect(Termination(waitStatus: 3 << 8) == .exited(3))
        #expect(Termination(waitStatus: 0).isClean)
    }

    @Test func signalIsDecodedAndNamed() {
        #expect(Termination(waitStatus: SIGSEGV) == .signaled(SIGSEGV, coreDumped: false))
        #expect(Termination(waitStatus: SIGABRT | 0x80) == .signaled(SIGABRT, coreDumped: true))
        #expect(Termination.signaled(SIGKILL, coreDumped: false).description == "signal SIGKILL")
        #expect(Termination.exited(1).description == "status 1")
    }
}
