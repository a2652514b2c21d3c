/// The per-loop deadline structure: a binary min-heap of (deadline, fd,
/// token), checked whenever `epoll_wait` returns. There are no per-connection
/// timers. A connection keeps at most one live entry: pushing later deadlines
/// is skipped (the early entry fires, sees the later deadline and re-arms),
/// and an entry whose token no longer matches its connection is stale and
/// dropped when it surfaces.
struct DeadlineQueue {
    struct Entry: Equatable {
        var deadline: UInt64
        var fd: Int32
        var token: UInt32
    }

    private(set) var heap: [Entry] = []

    var isEmpty: Bool { heap.isEmpty }
    var earliest: UInt64? { heap.first?.deadline }

    mutating func push(_ entry: Entry) {
        heap.append(entry)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].deadline < heap[parent].deadline else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    /// Removes and returns the earliest entry if it is due at `now`.
    mutating func popDue(now: UInt64) -> Entry? {
        guard let first = heap.first, first.deadline <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[l].deadline < heap[m].deadline { m = l }
                if r < heap.count && heap[r].deadline < heap[m].deadline { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return first
    }
}
