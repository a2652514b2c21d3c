import Foundation

/// Runs blocking `work` (a socket read, a wait for a child process, opening
/// or closing a store, an fsync, a computation of a good part of a second)
/// on a thread of its own and returns its result to the awaiting task.
///
/// Swift's cooperative pool is as wide as the machine has cores (two here),
/// and Swift Testing runs the tests of every target of the process on it at
/// once. Work that holds one of its threads holds back every task in the
/// process, the HTTP servers' request handlers included: a test's client then
/// waits in vain for an answer the server cannot compute. So tests never
/// block on the pool; they block here, where the kernel shares the cores
/// among the threads and the pool's stay free for work that yields.
public func blocking<T: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> T
) async throws(Failure) -> T {
    let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, Failure>, Never>) in
        Thread.detachNewThread {
            do throws(Failure) {
                continuation.resume(returning: .success(try work()))
            } catch {
                continuation.resume(returning: .failure(error))
            }
        }
    }
    return try result.get()
}

/// Starts blocking `work` on a thread of its own without waiting for it: for
/// a `deinit`, which cannot await, that closes a fixture's store.
public func blockingInBackground(_ work: @escaping @Sendable () -> Void) {
    Thread.detachNewThread(work)
}
