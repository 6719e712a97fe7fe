import Foundation

/// Everything a case's risk fact is derived from: the case row's columns, its parties, its first petitioner (for a
/// petition's case) and the tags of the people involved, read in one go for a batch of cases.
public struct RiskCaseSource: Sendable, Equatable {
    public struct Party: Sendable, Equatable {
        public var side: String
        public var personId: Int64?
        public var organizationId: Int64?
        public var name: String
    }

    public var caseId: Int64
    public var number: String
    public var areaCode: String
    public var gridCode: String?
    public var address: String?
    public var category: String
    public var description: String
    public var respondentOrganizationId: Int64?
    public var applicantPersonId: Int64?
    public var peopleInvolved: Int
    public var amountInvolved: Int64
    public var reportedAt: Int64
    public var reportedDay: String
    public var parties: [Party] = []
    /// A petition's 被反映机关 and its first petitioner.
    public var respondentOrgan: String?
    public var petitionerPersonId: Int64?
    public var petitionerIdIndex: String?
    /// The tags column of every person involved, by person id.
    public var personTags: [Int64: String] = [:]
}
