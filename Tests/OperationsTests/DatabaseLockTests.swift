import Foundation
import TestEvents
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

    @Test func anotherProcessCannotTakeAHeldLock() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/center.sqlite"
        let lock = try DatabaseLock.acquire(database: database)
        let flock = ["--nonblock", lock.path, "true"]
        #expect(try await ChildProcess("/usr/bin/flock", flock).exitStatus() == 1,
                "util-linux flock(1) in another process finds it held")
        lock.release()
        #expect(try await ChildProcess("/usr/bin/flock", flock).exitStatus() == 0)
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
}
