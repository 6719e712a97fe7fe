import FengqiaoDomain
import SQLKit

/// The most highlight points (亮点工作) a unit of a kind may be approved in a month: the award cap of the template the
/// month is scored by (read in `db`, inside the deciding transaction).
enum HighlightAwardCap {
    static func cap(_ unitKind: AssessedUnitKind, periodKey: String, in db: any SQLDatabase) async throws -> Double {
        guard let period = AssessmentPeriod(key: periodKey) else { return AssessmentTemplate.standard(unitKind, .month).awardCap }
        return try await AssessmentScorer.template(for: period, kind: unitKind, in: db).awardCap
    }
}
