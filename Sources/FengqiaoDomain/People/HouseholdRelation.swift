import Foundation

/// A member's relation to the head of the household (与户主关系), as the household register records it.
public enum HouseholdRelation: String, Sendable, Codable, ChineseNamedKind {
    case head, spouse, child, parent, other

    public static let kindLabel = "与户主关系"

    public var chineseName: String {
        switch self {
        case .head: "户主"
        case .spouse: "配偶"
        case .child: "子女"
        case .parent: "父母"
        case .other: "其他"
        }
    }

    public var aliases: [String] {
        switch self {
        case .head: ["本人"]
        case .spouse: ["妻子", "丈夫"]
        case .child: ["儿子", "女儿"]
        case .parent: ["父亲", "母亲"]
        case .other: []
        }
    }
}
