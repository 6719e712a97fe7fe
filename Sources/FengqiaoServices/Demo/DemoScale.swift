/// How much demo data to generate. The area tree is the same from `small` up (one city, 3 counties,
/// 25 townships, 180 villages, ≈1,500 grids; ≈25,000 micro-grids at `large`); people, organisations,
/// places and cases grow with the scale.
public enum DemoScale: String, CaseIterable, Sendable {
    /// For tests only: 九原区 alone with 3 townships, ≈40 grids and 200 cases.
    case tiny
    /// ≈5 thousand cases, 10 thousand residents.
    case small
    /// ≈100 thousand cases, 50 thousand residents.
    case medium
    /// ≈1 million cases, 1 million residents, micro-grids: the size the benchmarks of lookups,
    /// search and lists are measured at.
    case large

    /// Cases over the twelve months before the reference time.
    var cases: Int {
        switch self {
        case .tiny: 200
        case .small: 5_000
        case .medium: 100_000
        case .large: 1_000_000
        }
    }

    /// Registered residents (实有人口 sample) over all ordinary grids.
    var residents: Int {
        switch self {
        case .tiny: 600
        case .small: 10_000
        case .medium: 50_000
        case .large: 1_000_000
        }
    }

    /// Organisations and places per ordinary grid, on average.
    var organizationsPerGrid: Double {
        switch self {
        case .tiny, .small: 2
        case .medium: 4
        case .large: 8
        }
    }

    var placesPerGrid: Double {
        switch self {
        case .tiny, .small: 3
        case .medium: 5
        case .large: 10
        }
    }

    /// Cases per generated batch; the next batch is generated while the database writes this one
    /// (`tiny` uses small batches so that tests go through several).
    var casesPerChunk: Int { self == .tiny ? 40 : 10_000 }
}
