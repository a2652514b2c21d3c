/// A Prometheus-style histogram of durations in seconds: cumulative counts
/// at fixed upper bounds, plus the sum and the count.
struct LatencyHistogram: Sendable {
    /// Upper bounds from 0.5 ms to 2.5 s: fine below the 5 ms availability
    /// goal, coarse above it.
    static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private(set) var buckets = [Int](repeating: 0, count: LatencyHistogram.bounds.count)
    private(set) var sum = 0.0
    private(set) var count = 0

    mutating func record(_ seconds: Double) {
        if let index = Self.bounds.firstIndex(where: { seconds <= $0 }) { buckets[index] += 1 }
        sum += seconds
        count += 1
    }

    /// `(le, cumulative count)` for each bound, then `+Inf`.
    var cumulative: [(String, Int)] {
        var running = 0
        var result: [(String, Int)] = []
        for (i, bound) in Self.bounds.enumerated() {
            running += buckets[i]
            result.append((PrometheusText.number(bound), running))
        }
        result.append(("+Inf", count))
        return result
    }
}
