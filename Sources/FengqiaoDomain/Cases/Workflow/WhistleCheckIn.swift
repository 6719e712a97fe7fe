import Foundation

/// A summoned department's 报到: when, and whether after the check-in deadline.
public struct WhistleCheckIn: Sendable, Hashable, Codable {
    public var at: Date
    public var late: Bool

    public init(at: Date, late: Bool) {
        self.at = at
        self.late = late
    }
}
