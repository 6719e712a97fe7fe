import Foundation

/// What 立案 fixes about a case: its kind and category, urgency, the tier that starts on it and the
/// name of the deadline preset the services apply (computed outside the domain).
public struct CaseAcceptance: Sendable, Hashable, Codable {
    public var kind: CaseKind
    public var category: String
    public var urgency: Urgency
    public var tier: MediationTier
    public var slaPreset: String?

    public init(kind: CaseKind, category: String, urgency: Urgency, tier: MediationTier, slaPreset: String? = nil) {
        self.kind = kind
        self.category = category
        self.urgency = urgency
        self.tier = tier
        self.slaPreset = slaPreset
    }
}
