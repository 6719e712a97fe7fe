import Foundation

/// How the resolved cases of a period spread over the mediation ladder, and the share settled at or
/// below each tier (小事不出村、大事不出镇), against the target of `villageTargetPercent` at the village.
public struct LadderShare: Sendable, Hashable {
    /// One rung: the cases resolved there, and those resolved there or lower.
    public struct Rung: Sendable, Hashable {
        public var tier: MediationTier
        public var resolved: Int
        public var resolvedAtOrBelow: Int
    }

    /// 95% of resolved cases settled at the village or below.
    public static let villageTargetPercent = 95

    /// Every tier, grid first.
    public let rungs: [Rung]
    /// All resolved cases of the period.
    public let resolved: Int

    /// From the number resolved at each tier (missing tiers count 0; negative counts are taken as 0).
    public init(resolvedByTier counts: [MediationTier: Int]) {
        var running = 0
        rungs = MediationTier.allCases.sorted().map { tier in
            let resolved = max(0, counts[tier] ?? 0)
            running += resolved
            return Rung(tier: tier, resolved: resolved, resolvedAtOrBelow: running)
        }
        resolved = running
    }

    /// The share of resolved cases settled at `tier` or below; nil when nothing was resolved.
    public func share(atOrBelow tier: MediationTier) -> Double? {
        guard resolved > 0, let rung = rungs.first(where: { $0.tier == tier }) else { return nil }
        return Double(rung.resolvedAtOrBelow) / Double(resolved)
    }

    /// Whether the village target is met (in exact integers); nil when nothing was resolved.
    public var villageTargetMet: Bool? {
        guard resolved > 0, let village = rungs.first(where: { $0.tier == .village }) else { return nil }
        return village.resolvedAtOrBelow * 100 >= Self.villageTargetPercent * resolved
    }
}
