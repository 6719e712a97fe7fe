import Foundation

/// The documents a petition prints.
public enum PetitionDocumentKind: String, Sendable, Codable, CaseIterable {
    /// The decision's written notice: 受理告知书, 不予受理告知书 or 不再受理告知书.
    case notice
    /// 答复意见书.
    case reply
}
