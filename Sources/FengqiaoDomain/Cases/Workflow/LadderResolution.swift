import Foundation

/// Where and when a case was resolved on the mediation ladder (小事不出村、大事不出镇): the tier
/// answering for it when it was closed — after verification of a department's result or of an on-site
/// resolution — and the moment of closing. A 不满意 revisit that reopens the case takes it back.
public struct LadderResolution: Sendable, Hashable, Codable {
    public var tier: MediationTier
    public var at: Date

    public init(tier: MediationTier, at: Date) {
        self.tier = tier
        self.at = at
    }
}
