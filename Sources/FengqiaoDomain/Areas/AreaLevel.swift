import Foundation

/// Levels of the governance tree, from 市/盟 down to 微网格.
public enum AreaLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case city, county, township, village, grid, microGrid

    /// Depth in the tree; the city is 0.
    public var depth: Int {
        switch self {
        case .city: 0
        case .county: 1
        case .township: 2
        case .village: 3
        case .grid: 4
        case .microGrid: 5
        }
    }

    public var chineseName: String {
        switch self {
        case .city: "市/盟"
        case .county: "区/县/旗"
        case .township: "镇/街道/苏木"
        case .village: "村/社区/嘎查"
        case .grid: "网格"
        case .microGrid: "微网格"
        }
    }

    /// Whether areas of this level are administrative divisions with a 12-digit statistical code.
    public var isAdministrative: Bool { depth <= AreaLevel.village.depth }

    public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool { lhs.depth < rhs.depth }
}
