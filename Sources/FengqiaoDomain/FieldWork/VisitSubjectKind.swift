import Foundation

/// Whom a grid worker's visit (走访) was to: a household at an address, a person, or a place.
public enum VisitSubjectKind: String, Sendable, Codable, CaseIterable {
    case household, person, place

    public var chineseName: String {
        switch self {
        case .household: "入户走访"
        case .person: "人员走访"
        case .place: "场所走访"
        }
    }
}
