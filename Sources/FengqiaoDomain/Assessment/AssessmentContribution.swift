import Foundation

/// One case's part in an indicator value, for the drill-down: what counted it (`cause`: the event type, or the
/// deadline that fell in the period — `sign_for_due`, `handling_due`, `check_in_due`, `period_end`), when, and whether
/// it added to the numerator (`hit`) and to the base (`counted`: a 退单 adds a hit to 退单率 without a base of its
/// own, as the base is the period's dispatches).
public struct AssessmentContribution: Sendable, Hashable, Codable {
    public var caseId: Int64
    public var at: Date
    public var cause: String
    public var hit: Bool
    public var counted: Bool

    public init(caseId: Int64, at: Date, cause: String, hit: Bool, counted: Bool) {
        self.caseId = caseId
        self.at = at
        self.cause = cause
        self.hit = hit
        self.counted = counted
    }
}
