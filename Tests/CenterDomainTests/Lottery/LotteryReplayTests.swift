import Foundation
import Testing
@testable import CenterDomain

/// The replay's fixture is the Swift draw's own output. Tests/fixtures/lottery
/// holds a published ballot (`ballot.json`) and the result the Swift draw
/// gives for it (`result.json`), both as the Swift code encodes them;
/// `NAKANO_WRITE_LOTTERY_FIXTURE=1 swift test --filter LotteryReplayTests`
/// rewrites them. Every other run checks that the files are still exactly
/// what the Swift code writes, so a change to the draw fails here until the
/// fixture is rewritten, and Tests/integration/test_replay_lottery.py then
/// fails until `bench/replay-lottery.py` replays the ballot to the same
/// result: the replay and the draw cannot drift apart silently.
@Suite struct LotteryReplayTests {
    typealias F = RulesFixtures

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/lottery")

    static let rewrite = ProcessInfo.processInfo.environment["NAKANO_WRITE_LOTTERY_FIXTURE"] == "1"

    static func url(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// Keys sorted, two-space indents as the encoder writes them, a final newline.
    static func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    static func ballot() throws -> LotteryBallot { try JSONDecoder().decode(LotteryBallot.self, from: data("ballot.json")) }

    @Test func theBallotIsAsTheServiceWouldPublishIt() throws {
        let ballot = try Self.ballot()
        if Self.rewrite { try Self.encoded(ballot).write(to: Self.url("ballot.json")) }
        #expect(try Self.data("ballot.json") == Self.encoded(ballot))
        #expect(F.refusal { try ballot.check() } == nil)
    }

    @Test func theCheckedInResultIsTheSwiftDrawOfTheBallot() throws {
        let drawn = try LotteryDraw.draw(Self.ballot())
        if Self.rewrite { try Self.encoded(drawn).write(to: Self.url("result.json")) }
        #expect(try Self.data("result.json") == Self.encoded(drawn))
        #expect(try JSONDecoder().decode(LotteryResult.self, from: Self.data("result.json")) == drawn)
    }

    @Test func theFixtureExercisesEveryTierAndEveryReason() throws {
        let result = try LotteryDraw.draw(Self.ballot())
        #expect(Set(result.order.map(\.tier)) == Set(try Self.ballot().tiers))
        #expect(Set(result.order.compactMap(\.loss)) == [.slotUnavailable, .slotTaken, .winLimitReached, .communityQuotaReserved])
        #expect(!result.winners.isEmpty && !result.unwon.isEmpty)
        #expect(result.summary.contains { !$0.available })
    }
}
