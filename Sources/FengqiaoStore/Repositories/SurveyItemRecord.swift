import Foundation

/// A row of `survey_items`: one number of a round's call list.
public struct SurveyItemRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var roundId: Int64
    public var townshipCode: String
    public var subjectKind: String
    public var subjectId: Int64
    public var phoneCipher: String
    public var phoneMasked: String
    public var status: String
    public var attempts: Int64
    public var safety: String?
    public var satisfaction: String?
    public var comment: String?
    public var calledBy: Int64?
    public var calledAt: Int64?

    public init(
        id: Int64? = nil, roundId: Int64, townshipCode: String, subjectKind: String, subjectId: Int64,
        phoneCipher: String, phoneMasked: String, status: String = "pending", attempts: Int64 = 0,
        safety: String? = nil, satisfaction: String? = nil, comment: String? = nil, calledBy: Int64? = nil,
        calledAt: Int64? = nil
    ) {
        (self.id, self.roundId, self.townshipCode, self.subjectKind, self.subjectId) =
            (id, roundId, townshipCode, subjectKind, subjectId)
        (self.phoneCipher, self.phoneMasked, self.status, self.attempts) = (phoneCipher, phoneMasked, status, attempts)
        (self.safety, self.satisfaction, self.comment, self.calledBy, self.calledAt) =
            (safety, satisfaction, comment, calledBy, calledAt)
    }
}
