import Foundation

/// What a dwelling (房屋) is used for; rented dwellings are where 以房管人 starts.
public enum DwellingUse: String, Sendable, Codable, ChineseNamedKind {
    case ownerOccupied, rented, vacant, business, other

    public static let kindLabel = "房屋用途"

    public var chineseName: String {
        switch self {
        case .ownerOccupied: "自住"
        case .rented: "出租"
        case .vacant: "空置"
        case .business: "经营"
        case .other: "其他"
        }
    }

    public var aliases: [String] {
        switch self {
        case .rented: ["出租屋", "租住"]
        case .vacant: ["闲置"]
        case .business: ["商用", "经营用房"]
        default: []
        }
    }
}
