import CenterDomain
import Store

/// The center's use cases over the store.
public final class CenterService: Sendable {
    public init() {}
}
