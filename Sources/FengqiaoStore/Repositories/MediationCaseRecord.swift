import Foundation

/// A mediation case (`mediation_cases`); `openCaseId` is `caseId` while the mediation is open.
public struct MediationCaseRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var number: String
    public var caseId: Int64
    public var caseNumber: String
    public var openCaseId: Int64?
    public var source: String
    public var areaCode: String
    public var organizationId: Int64
    public var mediatorId: Int64?
    public var specialty: String
    public var facts: String
    public var amountFen: Int64
    public var state: String
    public var stateReason: String?
    public var openedBy: String
    public var version: Int
    public var createdAt: Int64
    public var updatedAt: Int64
    public var closedAt: Int64?

    public init(id: Int64? = nil, number: String, caseId: Int64, caseNumber: String, openCaseId: Int64?, source: String,
                areaCode: String, organizationId: Int64, mediatorId: Int64?, specialty: String, facts: String,
                amountFen: Int64, state: String, stateReason: String? = nil, openedBy: String, version: Int = 1,
                createdAt: Int64, updatedAt: Int64, closedAt: Int64? = nil) {
        self.id = id
        self.number = number
        self.caseId = caseId
        self.caseNumber = caseNumber
        self.openCaseId = openCaseId
        self.source = source
        self.areaCode = areaCode
        self.organizationId = organizationId
        self.mediatorId = mediatorId
        self.specialty = specialty
        self.facts = facts
        self.amountFen = amountFen
        self.state = state
        self.stateReason = stateReason
        self.openedBy = openedBy
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
    }
}
