import FengqiaoDomain
import Foundation

/// A registration at the reception desk as the operator filled it in, before checking: the channel's
/// details, the matter, its parties and the scanned pages already uploaded (by their tokens). Numbers
/// stay text so that checking, not parsing, names what is wrong.
public struct DeskDraft: Sendable, Codable, Equatable {
    public var details: IntakeDetailsSubmission
    /// A category code of the tree (`dispute.neighbour`), or a category name.
    public var category: String?
    public var urgency: String?
    public var description: String?
    public var address: String?
    public var gridCode: String?
    /// 涉及人数.
    public var peopleInvolved: String?
    /// 涉及金额 in yuan.
    public var amountInvolved: String?
    /// Applicants and respondents, people or organisations.
    public var parties: [CaseOpening.Party]
    /// The tokens of the scanned pages uploaded for this draft (a letter's).
    public var pages: [String]

    public init(
        details: IntakeDetailsSubmission, category: String? = nil, urgency: String? = nil, description: String? = nil,
        address: String? = nil, gridCode: String? = nil, peopleInvolved: String? = nil, amountInvolved: String? = nil,
        parties: [CaseOpening.Party] = [], pages: [String] = []
    ) {
        self.details = details
        self.category = category
        self.urgency = urgency
        self.description = description
        self.address = address
        self.gridCode = gridCode
        self.peopleInvolved = peopleInvolved
        self.amountInvolved = amountInvolved
        self.parties = parties
        self.pages = pages
    }
}
