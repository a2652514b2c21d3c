import Foundation
import Glibc
import Testing
import Operations

/// One server per database: the lock file beside it. (Two real server
/// processes are tested end to end in CenterAPITests.)
@Suite struct DatabaseLockTests {
    let directory = NSTemporaryDirectory() + "lock-tests-" + UUID().uuidString

    @Test func lockFileSitsBesideTheDatabaseAndNamesItsHolder() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/data/center.sqlite"
        let lock = try DatabaseLock.acquire(database: database, pid: 4242)
        defer { lock.release() }
        #expect(lock.path == database + ".lock")
        #expect(DatabaseLock.holder(ofDatabase: database) == 4242)
    }

    @Test func secondHolderIsRefusedWithTheFirstOnesProcessID() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/center.sqlite"
        let first = try DatabaseLock.acquire(database: database, pid: 4242)
        defer { first.release() }
        let error = try #require(throws: DatabaseLock.Failure.self) { try DatabaseLock.acquire(database: database) }
        #expect(error.description == "\(database) is in use by process 4242")
    }

    @Test func releasedLockCanBeTakenAgain() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/center.sqlite"
        try DatabaseLock.acquire(database: database).release()
        try DatabaseLock.acquire(database: database).release()
    }

    @Test func anotherProcessCannotTakeAHeldLock() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/center.sqlite"
        let lock = try DatabaseLock.acquire(database: database)
        #expect(Self.exitStatus(of: "/usr/bin/flock", "--nonblock", lock.path, "true") == 1,
                "util-linux flock(1) in another process finds it held")
        lock.release()
        #expect(Self.exitStatus(of: "/usr/bin/flock", "--nonblock", lock.path, "true") == 0)
    }

    @Test func inheritedDescriptorIsAdoptedOnlyForItsOwnDatabase() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/center.sqlite"
        let lock = try DatabaseLock.acquire(database: database, inheritable: true)
        defer { lock.release() }
        #expect(DatabaseLock.adopt(descriptor: lock.descriptor, database: database) != nil)
        #expect(DatabaseLock.adopt(descriptor: lock.descriptor, database: directory + "/other.sqlite") == nil)
        #expect(DatabaseLock.adopt(descriptor: 9999, database: database) == nil)
    }

    /// Runs a program with posix_spawn and waits for it, as the supervisor
    /// starts its worker (Foundation's Process is not used: once, in a run of
    /// the whole suite, its launch crashed the test process).
    static func exitStatus(of executable: String, _ arguments: String...) -> Int32 {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: Int32 = 0
        guard posix_spawn(&pid, executable, nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard case .exited(let code) = Termination(waitStatus: status) else { return -1 }
        return code
    }
}
