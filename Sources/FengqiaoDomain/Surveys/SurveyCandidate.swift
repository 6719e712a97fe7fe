import Foundation

/// Someone a round may call: the closed case or the resident they come from, their township and their phone as
/// stored (sealed and masked; the sampler opens it only for those it draws, to call nobody twice).
public struct SurveyCandidate: Sendable, Hashable {
    public var township: AssessedUnit
    /// `case` or `person`.
    public var subjectKind: String
    public var subjectId: Int64
    public var sealedPhone: String
    public var maskedPhone: String

    public init(township: AssessedUnit, subjectKind: String, subjectId: Int64, sealedPhone: String, maskedPhone: String) {
        (self.township, self.subjectKind, self.subjectId) = (township, subjectKind, subjectId)
        (self.sealedPhone, self.maskedPhone) = (sealedPhone, maskedPhone)
    }
}
