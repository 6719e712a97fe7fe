import FengqiaoDomain
import SQLKit

/// The most highlight points (亮点工作) a unit of a kind may be approved in a month. One place, so that the scoring
/// core can point it at the stored template of the period (read in `db`, inside the deciding transaction).
enum HighlightAwardCap {
    static func cap(_ unitKind: AssessedUnitKind, periodKey: String, in db: any SQLDatabase) async throws -> Double {
        AssessmentTemplate.standard(unitKind, .month).awardCap
    }
}
