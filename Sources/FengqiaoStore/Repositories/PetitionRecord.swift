import Foundation

/// A `petitions` row: the petition beside its engine case, with the instants its clocks come from.
public struct PetitionRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var caseId: Int64
    public var caseNumber: String
    public var form: String
    public var state: String
    public var placeCode: String
    public var areaCode: String
    public var category: String
    public var description: String
    public var respondentOrgan: String?
    public var persons: Int
    public var collective: Int
    public var repeated: Int
    public var receivedAt: Int64
    public var registeredAt: Int64
    public var registeredById: Int64
    public var registeredByName: String
    public var firstResponderId: Int64
    public var firstResponderName: String
    public var decision: String?
    public var decisionReason: String?
    public var noticeChannel: String?
    public var decidedAt: Int64?
    public var decidedByName: String?
    public var extensionState: String
    public var extensionDays: Int?
    public var extensionReason: String?
    public var extensionRequestedAt: Int64?
    public var extensionRequestedById: Int64?
    public var extensionRequestedByName: String?
    public var extensionRequesterArea: String?
    public var extensionDecidedAt: Int64?
    public var extensionDecidedByName: String?
    public var extensionDenialReason: String?
    public var reply: String?
    public var replyChannel: String?
    public var repliedAt: Int64?
    public var repliedByName: String?
    public var reviewRequest: String?
    public var reviewRequestedAt: Int64?
    public var reviewResult: String?
    public var reviewOpinion: String?
    public var reviewDecidedAt: Int64?
    public var reviewDecidedByName: String?
    public var reReviewRequest: String?
    public var reReviewRequestedAt: Int64?
    public var reReviewResult: String?
    public var reReviewOpinion: String?
    public var reReviewDecidedAt: Int64?
    public var reReviewDecidedByName: String?
    public var version: Int
    public var updatedAt: Int64

    public init(
        id: Int64? = nil, caseId: Int64, caseNumber: String, form: String, state: String, placeCode: String,
        areaCode: String, category: String, description: String, respondentOrgan: String?, persons: Int,
        collective: Int, repeated: Int, receivedAt: Int64, registeredAt: Int64, registeredById: Int64,
        registeredByName: String, firstResponderId: Int64, firstResponderName: String
    ) {
        self.id = id
        self.caseId = caseId
        self.caseNumber = caseNumber
        self.form = form
        self.state = state
        self.placeCode = placeCode
        self.areaCode = areaCode
        self.category = category
        self.description = description
        self.respondentOrgan = respondentOrgan
        self.persons = persons
        self.collective = collective
        self.repeated = repeated
        self.receivedAt = receivedAt
        self.registeredAt = registeredAt
        self.registeredById = registeredById
        self.registeredByName = registeredByName
        self.firstResponderId = firstResponderId
        self.firstResponderName = firstResponderName
        self.extensionState = "none"
        self.version = 1
        self.updatedAt = registeredAt
    }
}
