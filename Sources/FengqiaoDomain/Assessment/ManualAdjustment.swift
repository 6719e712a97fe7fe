import Foundation

/// Points given by hand, after approval: an award for highlight work (亮点工作, positive) or a deduction for a
/// 通报批评 (negative).
public struct ManualAdjustment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case award
        case deduction
    }

    public var kind: Kind
    public var points: Double
    public var reason: String

    public init(kind: Kind, points: Double, reason: String) {
        self.kind = kind
        self.points = points
        self.reason = reason
    }
}
