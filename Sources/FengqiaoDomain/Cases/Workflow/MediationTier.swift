import Foundation

/// The mediation ladder (网格排查 → 村社首调 → 镇街会调 → 市区联调): the level that currently answers for a
/// case. Escalation moves a case one rung up and never down; the rung decides which centre may act.
public enum MediationTier: String, Sendable, Codable, CaseIterable, Comparable, CodingKeyRepresentable {
    case grid, village, township, county, city

    public var chineseName: String {
        switch self {
        case .grid: "网格排查"
        case .village: "村社首调"
        case .township: "镇街会调"
        case .county: "市区联调(区县)"
        case .city: "市区联调(市级)"
        }
    }

    /// Position on the ladder, 0 for the grid.
    public var rank: Int {
        switch self {
        case .grid: 0
        case .village: 1
        case .township: 2
        case .county: 3
        case .city: 4
        }
    }

    /// The next rung up; nil at the top.
    public var next: MediationTier? {
        switch self {
        case .grid: .village
        case .village: .township
        case .township: .county
        case .county: .city
        case .city: nil
        }
    }

    /// The level of the area tree whose centre works this rung.
    public var areaLevel: AreaLevel {
        switch self {
        case .grid: .grid
        case .village: .village
        case .township: .township
        case .county: .county
        case .city: .city
        }
    }

    /// The rung that a centre (or account) of `level` works on; micro-grids count as grids.
    public init(areaLevel level: AreaLevel) {
        switch level {
        case .city: self = .city
        case .county: self = .county
        case .township: self = .township
        case .village: self = .village
        case .grid, .microGrid: self = .grid
        }
    }

    public static func < (lhs: MediationTier, rhs: MediationTier) -> Bool { lhs.rank < rhs.rank }
}
