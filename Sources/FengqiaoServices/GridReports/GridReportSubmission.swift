import Foundation

/// What a grid worker sends from the field (网格上报), before checking: where (coordinates), what
/// (category, description), and whether it was settled on the spot (就地化解) with what result. Photos
/// travel beside it (`GridReportPhoto`).
public struct GridReportSubmission: Sendable, Codable, Equatable {
    public var latitude: Double?
    public var longitude: Double?
    /// Optional: the category's kind (`dispute` or 矛盾纠纷), to tell apart categories of the same name.
    public var kind: String?
    /// A category code of the tree (`dispute.neighbour`) or a category name.
    public var category: String?
    public var urgency: String?
    public var description: String?
    public var address: String?
    public var peopleInvolved: Int?
    /// 涉及金额 in whole yuan.
    public var amountInvolved: Int64?
    public var contactName: String?
    public var contactPhone: String?
    public var parties: [CaseOpening.Party]?
    /// Settled on the spot: the case is opened, verified by the grid worker and resolved in one go.
    public var resolvedOnSite: Bool?
    /// The result of the on-site resolution (required with `resolvedOnSite`).
    public var result: String?

    public init(
        latitude: Double? = nil, longitude: Double? = nil, kind: String? = nil, category: String? = nil,
        urgency: String? = nil, description: String? = nil, address: String? = nil, peopleInvolved: Int? = nil,
        amountInvolved: Int64? = nil, contactName: String? = nil, contactPhone: String? = nil,
        parties: [CaseOpening.Party]? = nil, resolvedOnSite: Bool? = nil, result: String? = nil
    ) {
        self.latitude = latitude
        self.longitude = longitude
        self.kind = kind
        self.category = category
        self.urgency = urgency
        self.description = description
        self.address = address
        self.peopleInvolved = peopleInvolved
        self.amountInvolved = amountInvolved
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.parties = parties
        self.resolvedOnSite = resolvedOnSite
        self.result = result
    }
}
