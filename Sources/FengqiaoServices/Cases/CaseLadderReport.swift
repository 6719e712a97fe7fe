import FengqiaoDomain
import Foundation

/// The mediation ladder of a period (`GET /api/v1/cases/ladder`): per tier, the cases resolved there,
/// those resolved there or lower and their share of all resolved cases, and the 95%-at-village target.
/// Shares are fractions rounded to four places, `null` when nothing was resolved.
public struct CaseLadderReport: Sendable, Codable, Equatable {
    public struct Tier: Sendable, Codable, Equatable {
        public var tier: String
        public var tierName: String
        public var resolved: Int
        public var resolvedAtOrBelow: Int
        public var shareAtOrBelow: Double?
    }

    public struct Target: Sendable, Codable, Equatable {
        public var tier: String
        public var tierName: String
        /// 0.95.
        public var share: Double
        public var actual: Double?
        /// Whether the share at or below the village reaches the target; `null` when nothing was resolved.
        public var met: Bool?
    }

    public var from: String
    public var to: String
    /// The area counted (the caller's jurisdiction unless narrowed).
    public var areaCode: String
    public var resolved: Int
    public var tiers: [Tier]
    public var target: Target

    init(_ share: LadderShare, from: CivilDate, to: CivilDate, areaCode: String) {
        self.from = from.description
        self.to = to.description
        self.areaCode = areaCode
        self.resolved = share.resolved
        self.tiers = share.rungs.map { rung in
            Tier(tier: rung.tier.rawValue, tierName: rung.tier.chineseName, resolved: rung.resolved,
                 resolvedAtOrBelow: rung.resolvedAtOrBelow, shareAtOrBelow: share.share(atOrBelow: rung.tier).map(Self.rounded))
        }
        self.target = Target(
            tier: MediationTier.village.rawValue, tierName: MediationTier.village.chineseName,
            share: Double(LadderShare.villageTargetPercent) / 100, actual: share.share(atOrBelow: .village).map(Self.rounded),
            met: share.villageTargetMet)
    }

    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    enum CodingKeys: String, CodingKey { case from, to, areaCode, resolved, tiers, target }
}

extension CaseLadderReport.Tier {
    enum CodingKeys: String, CodingKey { case tier, tierName, resolved, resolvedAtOrBelow, shareAtOrBelow }

    /// `shareAtOrBelow` is written as `null` rather than left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tier, forKey: .tier)
        try container.encode(tierName, forKey: .tierName)
        try container.encode(resolved, forKey: .resolved)
        try container.encode(resolvedAtOrBelow, forKey: .resolvedAtOrBelow)
        try container.encode(shareAtOrBelow, forKey: .shareAtOrBelow)
    }
}

extension CaseLadderReport.Target {
    enum CodingKeys: String, CodingKey { case tier, tierName, share, actual, met }

    /// `actual` and `met` are written as `null` rather than left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tier, forKey: .tier)
        try container.encode(tierName, forKey: .tierName)
        try container.encode(share, forKey: .share)
        try container.encode(actual, forKey: .actual)
        try container.encode(met, forKey: .met)
    }
}
