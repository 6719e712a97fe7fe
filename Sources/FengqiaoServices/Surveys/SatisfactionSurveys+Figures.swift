import FengqiaoDomain
import FengqiaoStore
import Foundation

extension SatisfactionSurveys {
    /// The figures of round `roundId` per township the caller sees, and their total.
    public func figures(roundId: Int64, caller: Caller) async throws -> SurveyFigures {
        try SurveyAccess.requireViewer(caller.staff)
        let (_, _, items) = try await load(roundId, caller: caller)
        return SurveyFigures(items.map(Self.response))
    }

    /// For each of `townships` the caller sees, its figures in the latest round (by period) that drew numbers in
    /// it and began before `before`: what the rankings show beside each township. Townships never surveyed (or
    /// outside the jurisdiction) are absent.
    public func latestFigures(for townships: [AssessedUnit], before: Date, caller: Caller) async throws
        -> [AssessedUnit: SurveyStanding]
    {
        try SurveyAccess.requireViewer(caller.staff)
        let codes = townships.filter { $0.kind == .township && caller.staff.jurisdiction.contains($0.code) }.map(\.code)
        let beforeMs = before.millisecondsSince1970
        return try await platform.database.read { db in
            let surveys = SurveyRepository(db)
            var latest: [String: SurveyRoundRecord] = [:]
            var rounds: [Int64: SurveyRoundRecord] = [:]
            for pair in try await surveys.roundsDrawing(townships: codes) {
                if rounds[pair.roundId] == nil, let round = try await surveys.round(id: pair.roundId) { rounds[pair.roundId] = round }
                guard let round = rounds[pair.roundId], round.windowStart < beforeMs else { continue }
                if let held = latest[pair.township], (held.windowStart, held.id ?? 0) >= (round.windowStart, round.id ?? 0) {
                    continue
                }
                latest[pair.township] = round
            }
            var answer: [AssessedUnit: SurveyStanding] = [:]
            for (code, round) in latest {
                let unit = AssessedUnit(.township, code)
                let items = try await surveys.items(roundId: round.id ?? 0, prefix: code)
                guard let row = SurveyFigures(items.map(Self.response)).row(for: unit) else { continue }
                answer[unit] = SurveyStanding(
                    township: unit, roundId: round.id ?? 0, roundTitle: round.title,
                    periodLabel: SurveyPeriod(year: Int(round.year), number: Int(round.period))?.label ?? "", figures: row)
            }
            return answer
        }
    }

    /// `latestFigures(for:before:caller:)` of the townships of `areaCode` (a county, or a township itself).
    public func latestFigures(area areaCode: String, before: Date, caller: Caller) async throws
        -> [AssessedUnit: SurveyStanding]
    {
        let atlas = try await platform.areaAtlas()
        guard let node = atlas.node(areaCode), caller.staff.jurisdiction.contains(areaCode) else {
            throw DomainError.notFound(what: "区域")
        }
        let townships = node.level == .township ? [node]
            : atlas.children(of: areaCode).filter { $0.level == .township }
        return try await latestFigures(for: townships.map { AssessedUnit(.township, $0.code) }, before: before, caller: caller)
    }
}
