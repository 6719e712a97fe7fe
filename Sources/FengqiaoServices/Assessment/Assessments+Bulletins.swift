import FengqiaoDomain
import FengqiaoStore
import Foundation

extension Assessments {
    /// 月通报 (`periodKey` a month) or 季排名 (a quarter): every kind of unit's ranking inside the caller's
    /// jurisdiction. `kind` says which the address asked for; a month where a quarter is asked (or the other way) is
    /// a field error.
    public func bulletin(periodKey: String, kind: AssessmentPeriodKind, caller: Caller) async throws -> AssessmentBulletin {
        try Self.requireView(caller.staff)
        let period = try Self.period(periodKey)
        guard period.kind == kind else {
            let message = kind == .month ? "月通报按月份查看,应写作 2026-11" : "季排名按季度查看,应写作 2026-Q4"
            throw DomainError.validation([FieldError(field: "period", code: "wrong_kind", message: message)])
        }
        var rankings: [AssessmentRanking] = []
        var highlights: [AssessmentBulletin.Highlight] = []
        for unitKind in AssessedUnitKind.allCases {
            let ranking = try await ranking(periodKey: period.key, kind: unitKind.rawValue, caller: caller)
            rankings.append(ranking)
            let adjustments = try await scorer.adjustments.approvedAdjustments(
                periodKeys: AssessmentScorer.adjustmentKeys(period), unitKind: unitKind)
            for standing in ranking.standings {
                for adjustment in adjustments[standing.unit] ?? [] {
                    highlights.append(.init(unit: standing.unit, name: standing.score.name, adjustment: adjustment))
                }
            }
        }
        highlights.sort { ($0.adjustment.kind == .award ? 0 : 1) < ($1.adjustment.kind == .award ? 0 : 1) }
        return AssessmentBulletin(period: period, rankings: rankings, highlights: highlights)
    }

    /// The bulletin for a download (`format`: `pdf`, `xlsx`), audited `assessment.download`.
    public func downloadBulletin(periodKey: String, kind: AssessmentPeriodKind, format: String, caller: Caller) async throws
        -> AssessmentBulletin
    {
        let bulletin = try await bulletin(periodKey: periodKey, kind: kind, caller: caller)
        let now = platform.clock.now().millisecondsSince1970
        let dbKind = platform.database.kind
        _ = try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment.download", objectType: "assessment", objectID: bulletin.period.key,
                           summary: AuditEntry.summary([
                               "format": format, "area": caller.staff.jurisdiction.prefix,
                               "units": bulletin.rankings.reduce(0) { $0 + $1.standings.count },
                           ])),
                at: now, in: db, kind: dbKind)
        }
        return bulletin
    }

    /// 季排名 as an XLSX workbook (audited download): one sheet per kind of unit.
    public func rankingWorkbook(periodKey: String, caller: Caller) async throws -> (bulletin: AssessmentBulletin, data: Data) {
        let bulletin = try await downloadBulletin(periodKey: periodKey, kind: .quarter, format: "xlsx", caller: caller)
        return (bulletin, try AssessmentWorkbook.data(bulletin))
    }

    /// The last month that has ended (the pages' default period).
    public func lastEndedMonth() -> AssessmentPeriod? {
        let today = CivilDate(containing: platform.clock.now())
        return AssessmentPeriod(.month, year: today.year, number: today.month)?.previous
    }

    /// The months and quarters that have started, newest first (`count` of each), for the period picker.
    public func recentPeriods(months: Int = 12, quarters: Int = 6) -> [AssessmentPeriod] {
        let today = CivilDate(containing: platform.clock.now())
        var result: [AssessmentPeriod] = []
        var month = AssessmentPeriod(.month, year: today.year, number: today.month)?.previous
        while let current = month, result.count < months {
            result.append(current)
            month = current.previous
        }
        var quarter = AssessmentPeriod(.quarter, year: today.year, number: (today.month - 1) / 3 + 1)?.previous
        var taken = 0
        while let current = quarter, taken < quarters {
            result.append(current)
            taken += 1
            quarter = current.previous
        }
        return result
    }
}
