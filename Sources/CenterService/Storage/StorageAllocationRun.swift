import CenterDomain

/// What a ranking run placed (`POST /storage-allocations/allocate`).
public struct StorageAllocationRun: Sendable, Hashable, Encodable {
    public let fiscalYear: Int
    public let allocated: [StorageApplication]
    public let unallocated: [StorageApplication]

    enum CodingKeys: String, CodingKey { case allocated, unallocated, fiscalYear = "fiscal_year" }
}
