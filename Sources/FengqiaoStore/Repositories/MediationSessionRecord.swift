import Foundation

/// A mediation session (`mediation_sessions`): held (with `outcome`) or planned.
public struct MediationSessionRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var mediationId: Int64
    public var number: Int
    public var heldAt: Int64
    public var place: String
    public var attendees: String
    public var notes: String?
    public var outcome: String?
    public var tier: String?
    public var attemptNumber: Int?
    public var escalated: Int
    public var recordedBy: String
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: Int64? = nil, mediationId: Int64, number: Int, heldAt: Int64, place: String, attendees: String,
                notes: String?, outcome: String?, tier: String? = nil, attemptNumber: Int? = nil, escalated: Int = 0,
                recordedBy: String, createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.mediationId = mediationId
        self.number = number
        self.heldAt = heldAt
        self.place = place
        self.attendees = attendees
        self.notes = notes
        self.outcome = outcome
        self.tier = tier
        self.attemptNumber = attemptNumber
        self.escalated = escalated
        self.recordedBy = recordedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
