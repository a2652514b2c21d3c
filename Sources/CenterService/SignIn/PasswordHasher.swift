import Dispatch

/// Runs the slow password derivations off the server's task threads, one
/// at a time in the whole process: a sign-in takes a fraction of a second of
/// one core in a release build, and a burst of them must queue rather than
/// stall every other request on a two-core machine.
final class PasswordHasher: Sendable {
    let iterations: Int
    private static let queue = DispatchQueue(label: "password-hashing", qos: .userInitiated)

    /// What a sign-in for an unknown login is checked against, so that it
    /// takes as long as one for a real account and does not tell them apart.
    let decoy: StoredPassword

    init(iterations: Int) {
        self.iterations = iterations
        decoy = StoredPassword(salt: [UInt8](repeating: 0, count: StoredPassword.saltBytes),
                               hash: [UInt8](repeating: 0, count: StoredPassword.hashBytes), iterations: iterations)
    }

    /// The stored form of a new password.
    func derive(_ password: String) async -> StoredPassword {
        let iterations = iterations
        return await run { StoredPassword.derive(password, iterations: iterations) }
    }

    /// Whether `password` matches `stored` (the decoy when nil, always false).
    func verify(_ password: String, against stored: StoredPassword?) async -> Bool {
        let target = stored ?? decoy
        let matches = await run { target.matches(password) }
        return stored != nil && matches
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Self.queue.async { continuation.resume(returning: work()) }
        }
    }
}
