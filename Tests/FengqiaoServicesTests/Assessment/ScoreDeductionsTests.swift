import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// 通报批评扣分 on SQLite and PostgreSQL: recorded by assessors for units of their jurisdiction, effective at once,
/// revoked with a reason (never deleted), audited, recomputed; and what the scoring reads.
final class ScoreDeductionsTests: XCTestCase {
    static func submission(_ unit: String, period: String = "2026-11", points: String = "2") -> DeductionSubmission {
        DeductionSubmission(unit: unit, period: period, points: points, reason: "群众多次反映问题推诿扯皮",
                            documentNumber: "九综治通〔2026〕7号")
    }

    func testRecordRevokeAndWhatTheScoringReads() async throws {
        try await AssessmentDesk.each { d in
            let township = AssessedUnit(.township, SampleAreas.township)
            let kept = try await d.deductions.record(Self.submission(township.formValue), caller: d.assessor)
            let revoked = try await d.deductions.record(Self.submission(township.formValue, points: "1"), caller: d.assessor)
            let october = try await d.deductions.record(Self.submission(township.formValue, period: "2026-10", points: "0.5"),
                                                        caller: d.countyAssessor)
            _ = try await d.deductions.record(Self.submission("department:\(d.department)"), caller: d.assessor)
            XCTAssertEqual(d.recomputed.all, ["2026-11 township", "2026-11 township", "2026-10 township", "2026-11 department"])

            let noReason = await rejection { try await d.deductions.revoke(id: revoked, reason: "", caller: d.assessor) }
            XCTAssertEqual(noReason, "reason:required")
            try await d.deductions.revoke(id: revoked, reason: "文号有误,重新下发", caller: d.assessor)
            XCTAssertEqual(d.recomputed.all.last, "2026-11 township")
            XCTAssertEqual(d.recomputed.all.count, 5)
            let twice = await rejection { try await d.deductions.revoke(id: revoked, reason: "再次", caller: d.assessor) }
            XCTAssertEqual(twice, "already_revoked")

            let all = try await d.deductions.list(revoked: nil, caller: d.township)
            XCTAssertEqual(all.count, 4, "revoked ones stay")
            XCTAssertEqual(all.first { $0.id == revoked }?.revokeReason, "文号有误,重新下发")
            let standing = try await d.deductions.list(revoked: false, caller: d.township).map(\.id)
            XCTAssertFalse(standing.contains(revoked))
            let departmentOnly = try await d.deductions.list(revoked: nil, caller: d.handler).map(\.unit.unit)
            XCTAssertEqual(departmentOnly, [.department(d.department)])

            let november = try await d.adjustments.approvedAdjustments(periodKeys: ["2026-11"], unitKind: .township)
            XCTAssertEqual(november[township]?.map(\.points), [2])
            XCTAssertEqual(november[township]?.first?.kind, .deduction)
            XCTAssertTrue(november[township]?.first?.reason.contains("九综治通〔2026〕7号") ?? false)
            let quarter = try await d.adjustments.approvedAdjustments(periodKeys: ["2026-10", "2026-11", "2026-12"],
                                                                      unitKind: .township)
            XCTAssertEqual(quarter[township]?.map(\.points).sorted(), [0.5, 2])
            _ = (kept, october)
            let audit = try await d.audit("assessment_deduction")
            XCTAssertEqual(audit, Array(repeating: "assessment_deduction.record", count: 4) + ["assessment_deduction.revoke"])
        }
    }

    func testEveryRejection() async throws {
        try await AssessmentDesk.each { d in
            let inside = AssessedUnit(.township, SampleAreas.township).formValue
            let wrongRole = await rejection { _ = try await d.deductions.record(Self.submission(inside), caller: d.leader) }
            XCTAssertEqual(wrongRole, "forbidden")
            let outside = await rejection {
                _ = try await d.deductions.record(Self.submission("township:\(AssessmentDesk.townshipB)"), caller: d.assessor)
            }
            XCTAssertEqual(outside, "not_found")
            let outsideDepartment = await rejection {
                _ = try await d.deductions.record(Self.submission("department:\(d.outsideDepartment)"), caller: d.assessor)
            }
            XCTAssertEqual(outsideDepartment, "not_found")
            let unknownWorker = await rejection { _ = try await d.deductions.record(Self.submission("grid_worker:999"), caller: d.assessor) }
            XCTAssertEqual(unknownWorker, "not_found")
            let badPeriod = await rejection { _ = try await d.deductions.record(Self.submission(inside, period: "11-2026"), caller: d.assessor) }
            XCTAssertEqual(badPeriod, "period:invalid_format")
            let badPoints = await rejection { _ = try await d.deductions.record(Self.submission(inside, points: "0"), caller: d.assessor) }
            XCTAssertEqual(badPoints, "points:out_of_range")

            let id = try await d.deductions.record(Self.submission("grid_worker:\(d.workers[0])"), caller: d.assessor)
            let outsideRevoke = await rejection { try await d.deductions.revoke(id: id, reason: "撤销", caller: d.outsideAssessor) }
            XCTAssertEqual(outsideRevoke, "not_found")
            let wrongRoleRevoke = await rejection { try await d.deductions.revoke(id: id, reason: "撤销", caller: d.township) }
            XCTAssertEqual(wrongRoleRevoke, "forbidden")
            let outsideList = try await d.deductions.list(revoked: nil, caller: d.outsider)
            XCTAssertEqual(outsideList, [])
            XCTAssertEqual(d.recomputed.all, ["2026-11 grid_worker"])
            let audit = try await d.audit("assessment_deduction")
            XCTAssertEqual(audit, ["assessment_deduction.record"])
        }
    }
}
