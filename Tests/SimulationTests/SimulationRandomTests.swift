import Simulation
import Testing

/// The simulation's own random numbers: one seed, one sequence, on every
/// toolchain; bounded numbers stay in their bounds.
@Suite struct SimulationRandomTests {
    @Test func splitMix64GivesItsPublishedSequence() {
        // The reference implementation's first outputs from state 0.
        var mixer = SplitMix64(state: 0)
        #expect([mixer.next(), mixer.next(), mixer.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func oneSeedGivesOneSequence() {
        var a = SimulationRandom(seed: 42), b = SimulationRandom(seed: 42), c = SimulationRandom(seed: 43)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test func boundedNumbersStayInTheirBoundsAndReachBothEnds() {
        var random = SimulationRandom(seed: 7)
        let draws = (0..<2000).map { _ in random.int(-3...3) }
        #expect(draws.allSatisfy { (-3...3).contains($0) })
        #expect(Set(draws) == Set(-3...3))
        #expect(random.int(5...5) == 5)
    }

    @Test func weightsChooseInProportionAndNeverAZeroWeight() {
        var random = SimulationRandom(seed: 9)
        var counts = [0, 0, 0]
        for _ in 0..<3000 { counts[random.weighted([1, 0, 3]) ?? 1] += 1 }
        #expect(counts[1] == 0)
        #expect((600...900).contains(counts[0]))
        #expect(random.weighted([0, 0]) == nil)
    }
}
