import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// 申诉 on SQLite and PostgreSQL: units appeal an indicator (and optionally a case) of their own unit, one pending
/// appeal per item; assessors uphold or reject with a note, once; upheld appeals are the scoring's exclusions and
/// recompute; every rejection.
final class ScoreAppealsTests: XCTestCase {
    static let reasons = "该件为上级交办的跨区域事项,已按时报送,不应计入超期"

    static func submission(unit: String? = nil, period: String = "2026-11", indicator: String = "overdue",
                           caseRef: String? = nil) -> AppealSubmission
    {
        AppealSubmission(unit: unit, period: period, indicator: indicator, caseRef: caseRef, reasons: reasons)
    }

    func testFileDecideAndTheExclusions() async throws {
        try await AssessmentDesk.each { d in
            let township = AssessedUnit(.township, SampleAreas.township)
            let opened = try await d.openCase(grid: SampleAreas.grid)
            let byCase = try await d.appeals.file(Self.submission(caseRef: String(opened.id)), caller: d.township)
            let byNumber = try await d.appeals.file(Self.submission(indicator: "closure_rate", caseRef: opened.number),
                                                    caller: d.township)
            let quarter = try await d.appeals.file(Self.submission(period: "2026-Q4", indicator: "satisfaction"), caller: d.township)
            let viewed = try await d.appeals.view(id: byNumber, caller: d.assessor)
            XCTAssertEqual(viewed.caseId, opened.id)
            XCTAssertEqual(viewed.caseNumber, opened.number)

            let pendingTwice = await rejection { _ = try await d.appeals.file(Self.submission(caseRef: opened.number), caller: d.leaderOfTownship) }
            XCTAssertEqual(pendingTwice, "appeal_pending", "one pending appeal per unit, period, indicator and case")

            let noNote = await rejection { try await d.appeals.decide(id: byCase, decision: "upheld", note: " ", caller: d.assessor) }
            XCTAssertEqual(noNote, "note:required")
            let noDecision = await rejection { try await d.appeals.decide(id: byCase, decision: "pending", note: "x", caller: d.assessor) }
            XCTAssertEqual(noDecision, "decision:required")
            try await d.appeals.decide(id: byCase, decision: "upheld", note: "经核实属上级交办事项", caller: d.assessor)
            XCTAssertEqual(d.recomputed.all, ["2026-11 township"])
            try await d.appeals.decide(id: byNumber, decision: "rejected", note: "办结率按规则计算无误", caller: d.assessor)
            XCTAssertEqual(d.recomputed.all.count, 1, "a rejection recomputes nothing")
            try await d.appeals.decide(id: quarter, decision: "upheld", note: "回访样本不足", caller: d.countyAssessor)
            XCTAssertEqual(d.recomputed.all, ["2026-11 township", "2026-Q4 township"])
            let twice = await rejection { try await d.appeals.decide(id: byCase, decision: "rejected", note: "x", caller: d.assessor) }
            XCTAssertEqual(twice, "already_decided")

            // Decided, the item may be appealed again.
            let again = try await d.appeals.file(Self.submission(caseRef: opened.number), caller: d.township)
            let rejected = try await d.appeals.view(id: byNumber, caller: d.township)
            XCTAssertEqual(rejected.state, .rejected)
            XCTAssertEqual(rejected.decisionNote, "办结率按规则计算无误")

            let november = try await d.adjustments.exclusions(periodKeys: ["2026-11"], unitKind: .township)
            XCTAssertEqual(november, [AssessmentExclusion(unit: township, indicator: AssessmentIndicator.overdue.key, caseId: opened.id)])
            let q4 = try await d.adjustments.exclusions(periodKeys: ["2026-Q4"], unitKind: .township)
            XCTAssertEqual(q4, [AssessmentExclusion(unit: township, indicator: AssessmentIndicator.satisfaction.key)])
            let departments = try await d.adjustments.exclusions(periodKeys: ["2026-11", "2026-Q4"], unitKind: .department)
            XCTAssertEqual(departments, [])

            let pending = try await d.appeals.list(state: .pending, caller: d.assessor).map(\.id)
            XCTAssertEqual(pending, [again])
            let audit = try await d.audit("assessment_appeal")
            XCTAssertEqual(audit, ["assessment_appeal.file", "assessment_appeal.file", "assessment_appeal.file",
                                   "assessment_appeal.uphold", "assessment_appeal.reject", "assessment_appeal.uphold",
                                   "assessment_appeal.file"])
        }
    }

    func testEveryRejection() async throws {
        try await AssessmentDesk.each { d in
            let outsideCase = try await d.openCase(grid: AssessmentDesk.gridB)
            let caseOutside = await rejection { _ = try await d.appeals.file(Self.submission(caseRef: outsideCase.number), caller: d.township) }
            XCTAssertEqual(caseOutside, "not_found")
            let noCase = await rejection { _ = try await d.appeals.file(Self.submission(caseRef: "999999"), caller: d.township) }
            XCTAssertEqual(noCase, "not_found")
            let wrongIndicator = await rejection {
                _ = try await d.appeals.file(Self.submission(indicator: "patrol_coverage"), caller: d.township)
            }
            XCTAssertEqual(wrongIndicator, "indicator:not_applicable")
            let departmentIndicator = try await d.appeals.file(Self.submission(indicator: "signed_on_time"), caller: d.handler)
            let workerIndicator = await rejection {
                _ = try await d.appeals.file(Self.submission(unit: "grid_worker:\(d.workers[0])", indicator: "overdue"), caller: d.gridLeader)
            }
            XCTAssertEqual(workerIndicator, "indicator:not_applicable")
            let badPeriod = await rejection { _ = try await d.appeals.file(Self.submission(period: "2026-Q5"), caller: d.township) }
            XCTAssertEqual(badPeriod, "period:invalid_format")
            let short = await rejection {
                _ = try await d.appeals.file(AppealSubmission(period: "2026-11", indicator: "overdue", reasons: "不服"), caller: d.township)
            }
            XCTAssertEqual(short, "reasons:too_short")
            let wrongRole = await rejection { _ = try await d.appeals.file(Self.submission(), caller: d.gridWorker) }
            XCTAssertEqual(wrongRole, "forbidden")
            let otherUnit = await rejection {
                _ = try await d.appeals.file(Self.submission(unit: "township:\(AssessmentDesk.townshipB)"), caller: d.township)
            }
            XCTAssertEqual(otherUnit, "not_found")

            let id = try await d.appeals.file(Self.submission(), caller: d.township)
            let notAssessor = await rejection { try await d.appeals.decide(id: id, decision: "upheld", note: "x", caller: d.leader) }
            XCTAssertEqual(notAssessor, "forbidden")
            let outside = await rejection { try await d.appeals.decide(id: id, decision: "upheld", note: "x", caller: d.outsideAssessor) }
            XCTAssertEqual(outside, "not_found")
            let outsideView = await rejection { _ = try await d.appeals.view(id: id, caller: d.outsider) }
            XCTAssertEqual(outsideView, "not_found")
            let departmentView = await rejection { _ = try await d.appeals.view(id: id, caller: d.handler) }
            XCTAssertEqual(departmentView, "not_found", "department staff see their department only")
            let byAssessor = try await d.appeals.file(Self.submission(indicator: "satisfaction"), caller: d.assessor)
            let own = await rejection { try await d.appeals.decide(id: byAssessor, decision: "upheld", note: "x", caller: d.assessor) }
            XCTAssertEqual(own, "own_appeal")
            XCTAssertEqual(d.recomputed.all, [])
            let audit = try await d.audit("assessment_appeal")
            XCTAssertEqual(audit, ["assessment_appeal.file", "assessment_appeal.file", "assessment_appeal.file"])
            _ = departmentIndicator
        }
    }
}
