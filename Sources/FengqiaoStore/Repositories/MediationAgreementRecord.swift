import Foundation

/// The agreement of a (partly) successful mediation (`mediation_agreements`): `terms` is JSON (amounts
/// in 分), days are `yyyy-MM-dd`; the signed copy is a case attachment (`signedAttachmentId`).
public struct MediationAgreementRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var mediationId: Int64
    public var facts: String
    public var terms: String
    public var totalFen: Int64
    public var performanceMethod: String
    public var performanceDeadline: String
    public var concludedOn: String
    public var signedOn: String?
    public var signedAttachmentId: Int64?
    public var performanceState: String
    public var performanceNote: String?
    public var performanceRecordedOn: String?
    public var confirmationState: String
    public var confirmationCourt: String?
    public var confirmationHandedOn: String?
    public var confirmationRuledOn: String?
    public var confirmationNote: String?
    public var version: Int
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: Int64? = nil, mediationId: Int64, facts: String, terms: String, totalFen: Int64,
                performanceMethod: String, performanceDeadline: String, concludedOn: String, signedOn: String? = nil,
                signedAttachmentId: Int64? = nil, performanceState: String, performanceNote: String? = nil,
                performanceRecordedOn: String? = nil, confirmationState: String, confirmationCourt: String? = nil,
                confirmationHandedOn: String? = nil, confirmationRuledOn: String? = nil, confirmationNote: String? = nil,
                version: Int = 1, createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.mediationId = mediationId
        self.facts = facts
        self.terms = terms
        self.totalFen = totalFen
        self.performanceMethod = performanceMethod
        self.performanceDeadline = performanceDeadline
        self.concludedOn = concludedOn
        self.signedOn = signedOn
        self.signedAttachmentId = signedAttachmentId
        self.performanceState = performanceState
        self.performanceNote = performanceNote
        self.performanceRecordedOn = performanceRecordedOn
        self.confirmationState = confirmationState
        self.confirmationCourt = confirmationCourt
        self.confirmationHandedOn = confirmationHandedOn
        self.confirmationRuledOn = confirmationRuledOn
        self.confirmationNote = confirmationNote
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
