import Foundation

/// A 六调联动 referral (`mediation_referrals`), in or out.
public struct MediationReferralRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var mediationId: Int64
    public var direction: String
    public var kind: String
    public var counterpart: String
    public var reference: String?
    public var note: String?
    public var state: String
    public var sentOn: String
    public var reply: String?
    public var repliedOn: String?
    public var recordedBy: String
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: Int64? = nil, mediationId: Int64, direction: String, kind: String, counterpart: String,
                reference: String?, note: String?, state: String, sentOn: String, reply: String? = nil,
                repliedOn: String? = nil, recordedBy: String, createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.mediationId = mediationId
        self.direction = direction
        self.kind = kind
        self.counterpart = counterpart
        self.reference = reference
        self.note = note
        self.state = state
        self.sentOn = sentOn
        self.reply = reply
        self.repliedOn = repliedOn
        self.recordedBy = recordedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
