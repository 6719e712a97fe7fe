import Foundation

/// How much each grid worker carries in an area: the ratios a leader compares across townships when
/// deciding where to hire. Ratios are nil when there is nobody to divide by.
public struct Workload: Sendable, Hashable {
    /// Grids in the area.
    public let gridCount: Int
    /// Registered households in the area.
    public let householdCount: Int
    /// Grid workers (专职 and 兼职, as the caller counts them) serving the area.
    public let workerCount: Int

    public init(gridCount: Int, householdCount: Int, workerCount: Int) {
        self.gridCount = gridCount
        self.householdCount = householdCount
        self.workerCount = workerCount
    }

    /// Grids per grid worker; nil without workers or with a negative count.
    public var gridsPerWorker: Double? { Self.ratio(gridCount, workerCount) }

    /// Households per grid worker; nil without workers or with a negative count.
    public var householdsPerWorker: Double? { Self.ratio(householdCount, workerCount) }

    /// Households per grid; nil without grids or with a negative count.
    public var householdsPerGrid: Double? { Self.ratio(householdCount, gridCount) }

    private static func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        guard denominator > 0, numerator >= 0 else { return nil }
        return Double(numerator) / Double(denominator)
    }
}
