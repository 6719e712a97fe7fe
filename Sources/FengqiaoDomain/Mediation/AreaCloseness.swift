import Foundation

/// How near a mediator's organisation lies to the dispute: the same village beats the same township,
/// which beats the county (or further).
public enum AreaCloseness: Int, Sendable, Codable, Comparable {
    case county = 0, township = 1, village = 2

    /// Compares two area codes by their 12-digit division prefixes (9 digits: township, 12: village).
    public init(_ a: String, _ b: String) {
        let x = Array(a.utf8), y = Array(b.utf8)
        func same(_ n: Int) -> Bool { x.count >= n && y.count >= n && x.prefix(n) == y.prefix(n) }
        let villageAdministrative = a.count >= 12 && b.count >= 12 && !a.utf8.prefix(12).suffix(3).elementsEqual("000".utf8)
        if same(12), villageAdministrative { self = .village } else if same(9) { self = .township } else { self = .county }
    }

    public var chineseName: String {
        switch self {
        case .village: "同村(社区)"
        case .township: "同乡镇(街道)"
        case .county: "本旗县(区)"
        }
    }

    public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }
}
