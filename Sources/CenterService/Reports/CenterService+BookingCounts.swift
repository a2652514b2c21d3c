import CenterDomain
import Store

extension CenterService {
    /// How many room bookings are in each state (every state listed, zero
    /// included, in `BookingState` order), for the `nakano_bookings` gauge.
    public func bookingCountsByState() async throws -> [(state: String, count: Int)] {
        let counted: [String: Int] = try await pool.read { db in
            var counts: [String: Int] = [:]
            for row in try db.query("SELECT state, count(*) AS n FROM bookings GROUP BY state") {
                counts[try row.get("state")] = try row.get("n")
            }
            return counts
        }
        return BookingState.allCases.map { (state: $0.rawValue, count: counted[$0.rawValue] ?? 0) }
    }
}
