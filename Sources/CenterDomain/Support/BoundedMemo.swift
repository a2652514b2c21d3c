import Synchronization

/// Answers already worked out, kept by the key that fully decides them and
/// shared between threads; at `capacity` entries it is emptied and fills
/// again, so keys that echo input cannot grow it without bound.
///
/// Only for answers that are a function of their key and of values fixed
/// for the memo's lifetime: nothing is ever invalidated, so the owner's doc
/// comment says why an entry can never be stale.
public final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The most answers kept.
    public let capacity: Int
    private let kept = Mutex<[Key: Value]>([:])

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// The answer kept for `key`, else `make()`'s, kept for the next time.
    public func value(_ key: Key, make: () -> Value) -> Value {
        if let known = kept.withLock({ $0[key] }) { return known }
        let made = make()
        kept.withLock { kept in
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = made
        }
        return made
    }

    /// How many answers are kept.
    public var count: Int { kept.withLock { $0.count } }
}
