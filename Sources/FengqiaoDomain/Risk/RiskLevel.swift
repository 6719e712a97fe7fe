import Foundation

/// A warning's level, from 蓝 (watch) to 红 (act now); ordered.
public enum RiskLevel: String, Sendable, Codable, CaseIterable, Comparable, ChineseNamedKind, CodingKeyRepresentable {
    case blue, yellow, orange, red

    public static let kindLabel = "预警等级"

    public var chineseName: String {
        switch self {
        case .blue: "蓝色"
        case .yellow: "黄色"
        case .orange: "橙色"
        case .red: "红色"
        }
    }

    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}
