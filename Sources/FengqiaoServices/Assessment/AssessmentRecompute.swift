import FengqiaoDomain
import Logging

/// Recomputes the scores of one period (`2026-11`, `2026-Q4`) for one kind of unit. The award, deduction and appeal
/// services call it after a decision that changes a score has committed (an approval, a deduction recorded or
/// revoked, an upheld appeal), never for a refusal or a rejection.
public typealias AssessmentRecompute = @Sendable (_ periodKey: String, _ unitKind: AssessedUnitKind) async throws -> Void

enum AssessmentRecomputing {
    /// Runs `recompute` after the decision committed. A failure is logged, not thrown: the decision stands, and the
    /// period's scores can be recomputed again later.
    static func run(_ recompute: AssessmentRecompute, periodKey: String, unitKind: AssessedUnitKind, logger: Logger) async {
        do {
            try await recompute(periodKey, unitKind)
        } catch {
            logger.error("assessment recompute failed", metadata: [
                "period": .string(periodKey), "unitKind": .string(unitKind.rawValue), "error": .string("\(error)"),
            ])
        }
    }
}
