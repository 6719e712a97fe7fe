import Foundation

/// The four levels of 综治中心 (GB/T 33200-2016): one per city, county, township and village area.
/// Grids and micro-grids have no centre; their matters go to the village's.
public enum CenterLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case city, county, township, village

    /// The centre level of an area, or nil for grids and micro-grids.
    public init?(areaLevel: AreaLevel) {
        switch areaLevel {
        case .city: self = .city
        case .county: self = .county
        case .township: self = .township
        case .village: self = .village
        case .grid, .microGrid: return nil
        }
    }

    /// The level of the area that runs a centre of this level.
    public var areaLevel: AreaLevel {
        switch self {
        case .city: .city
        case .county: .county
        case .township: .township
        case .village: .village
        }
    }

    public var chineseName: String {
        switch self {
        case .city: "市级综治中心"
        case .county: "县级综治中心"
        case .township: "乡镇(街道)综治中心"
        case .village: "村(社区)综治中心"
        }
    }

    /// Short form for tables and filters.
    public var shortName: String {
        switch self {
        case .city: "市级"
        case .county: "县级"
        case .township: "乡镇(街道)级"
        case .village: "村(社区)级"
        }
    }

    /// Higher levels sort first, as the area tree does.
    public static func < (lhs: CenterLevel, rhs: CenterLevel) -> Bool { lhs.areaLevel < rhs.areaLevel }
}
