import Foundation

/// The numbers of the workflow a centre may configure. Dates (deadlines, the return window) are not
/// here: the caller computes them from the business calendar and passes them in commands.
public struct CasePolicy: Sendable, Hashable, Codable {
    /// Attempts allowed at each tier before it escalates (三个三: 3 by default).
    public var defaultAttemptLimit: Int
    /// Limits for tiers that differ from the default.
    public var attemptLimits: [MediationTier: Int]
    /// How often a 不满意 revisit reopens the case before it is archived as 不满意.
    public var reopenLimit: Int

    public init(defaultAttemptLimit: Int = 3, attemptLimits: [MediationTier: Int] = [:], reopenLimit: Int = 2) {
        self.defaultAttemptLimit = defaultAttemptLimit
        self.attemptLimits = attemptLimits
        self.reopenLimit = reopenLimit
    }

    /// Attempts allowed at `tier`, at least 1.
    public func attemptLimit(at tier: MediationTier) -> Int { max(1, attemptLimits[tier] ?? defaultAttemptLimit) }
}
