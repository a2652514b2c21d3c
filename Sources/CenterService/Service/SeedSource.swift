import CenterDomain

/// Where the service's secret seeds come from: a lottery round's
/// commitment (`LotterySeed`) and the drawn order of a waiting line. The
/// service runs on the system's cryptographic source (`SystemSeedSource`);
/// a caller that must replay a run exactly, as the clock is injected for
/// the same reason, passes a seeded one.
public protocol SeedSource: Sendable {
    /// A fresh seed.
    func next() -> LotterySeed
}

/// The system's cryptographic source (`SystemRandomNumberGenerator`): the
/// seeds no one can predict, which the commitment relies on.
public struct SystemSeedSource: SeedSource {
    public init() {}

    public func next() -> LotterySeed {
        var generator = SystemRandomNumberGenerator()
        return LotterySeed.generate(using: &generator)
    }
}
