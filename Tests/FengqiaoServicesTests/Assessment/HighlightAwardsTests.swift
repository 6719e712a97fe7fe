import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// 亮点工作加分 on SQLite and PostgreSQL: units ask for their own unit, assessors of the jurisdiction decide once,
/// approvals stay within the month's cap and recompute, every step is audited, and every rejection.
final class HighlightAwardsTests: XCTestCase {
    static func submission(unit: String? = nil, period: String = "2026-11", points: String = "2",
                           title: String = "“枫桥式”调解室建设") -> AwardSubmission
    {
        AwardSubmission(unit: unit, period: period, points: points, title: title,
                        description: "建成标准化调解室并投入使用,化解纠纷三十余件", evidence: "区委政法委简报第8期")
    }

    func testOwnUnitsRequestAndAssessorsDecideWithinTheCap() async throws {
        try await AssessmentDesk.each { d in
            let township = AssessedUnit(.township, SampleAreas.township)
            let first = try await d.awards.request(Self.submission(points: "3"), caller: d.township)
            let second = try await d.awards.request(Self.submission(points: "3", title: "网格化服务管理创新"), caller: d.township)
            let viewed = try await d.awards.view(id: first, caller: d.assessor)
            XCTAssertEqual(viewed.unit.unit, township)
            XCTAssertEqual(viewed.unit.name, "沙河街道")
            XCTAssertEqual(viewed.state, .pending)

            try await d.awards.approve(id: first, points: nil, note: "经核实", caller: d.assessor)
            XCTAssertEqual(d.recomputed.all, ["2026-11 township"])
            // 3 of 5 approved: the second may have at most 2.
            let over = await rejection { try await d.awards.approve(id: second, points: "3", note: nil, caller: d.assessor) }
            XCTAssertEqual(over, "points:over_cap")
            XCTAssertEqual(d.recomputed.all.count, 1, "a refused approval recomputes nothing")
            let more = await rejection { try await d.awards.approve(id: second, points: "4", note: nil, caller: d.assessor) }
            XCTAssertEqual(more, "points:out_of_range", "never more than asked")
            try await d.awards.approve(id: second, points: "1.5", note: nil, caller: d.countyAssessor)
            let approved = try await d.awards.view(id: second, caller: d.township)
            XCTAssertEqual(approved.approvedPoints, 1.5)
            XCTAssertEqual(approved.state, .approved)
            XCTAssertEqual(d.recomputed.all, ["2026-11 township", "2026-11 township"])

            // Decided once.
            let again = await rejection { try await d.awards.refuse(id: first, reason: "重复", caller: d.assessor) }
            XCTAssertEqual(again, "already_decided")
            let twice = await rejection { try await d.awards.approve(id: first, points: nil, note: nil, caller: d.countyAssessor) }
            XCTAssertEqual(twice, "already_decided")

            // A refusal needs a reason and recomputes nothing.
            let third = try await d.awards.request(Self.submission(points: "1", title: "平安建设宣传月"), caller: d.township)
            let noReason = await rejection { try await d.awards.refuse(id: third, reason: "  ", caller: d.assessor) }
            XCTAssertEqual(noReason, "reason:required")
            try await d.awards.refuse(id: third, reason: "属日常工作,不属亮点", caller: d.assessor)
            let hoisted1 = try await d.awards.view(id: third, caller: d.township).decisionNote
            XCTAssertEqual(hoisted1, "属日常工作,不属亮点")
            XCTAssertEqual(d.recomputed.all.count, 2)

            let pending = try await d.awards.list(state: .pending, caller: d.assessor).map(\.id)
            XCTAssertEqual(pending, [])
            let all = try await d.awards.list(state: nil, caller: d.leader).map(\.id)
            XCTAssertEqual(all, [third, second, first])

            let audit = try await d.audit("assessment_award")
            XCTAssertEqual(audit, ["assessment_award.request", "assessment_award.request", "assessment_award.approve",
                                   "assessment_award.approve", "assessment_award.request", "assessment_award.refuse"])
            let adjustments = try await d.adjustments.approvedAdjustments(periodKeys: ["2026-11"], unitKind: .township)
            XCTAssertEqual(adjustments[township]?.map(\.points), [3, 1.5])
            XCTAssertEqual(adjustments[township]?.map(\.kind), [.award, .award])
        }
    }

    /// The cap is the award cap of the template the month is scored by: an assessor who lowers it to 2 lowers it here.
    func testTheCapIsTheTemplates() async throws {
        try await AssessmentDesk.each { d in
            var template = AssessmentTemplate.standard(.township, .month)
            template.awardCap = 2
            try await Assessments(platform: d.platform).saveTemplate(template, caller: d.countyAssessor)
            let tooMany = await rejection { _ = try await d.awards.request(Self.submission(points: "3"), caller: d.township) }
            XCTAssertEqual(tooMany, "points:out_of_range")
            let first = try await d.awards.request(Self.submission(points: "2"), caller: d.township)
            let second = try await d.awards.request(Self.submission(points: "1", title: "网格化服务管理创新"), caller: d.township)
            try await d.awards.approve(id: first, points: nil, note: nil, caller: d.assessor)
            let over = await rejection { try await d.awards.approve(id: second, points: nil, note: nil, caller: d.assessor) }
            XCTAssertEqual(over, "points:over_cap")
        }
    }

    func testDepartmentsAndGridLeadersAskForTheirOwnUnits() async throws {
        try await AssessmentDesk.each { d in
            let ownDepartment = try await d.awards.ownUnits(caller: d.handler).map(\.unit)
            XCTAssertEqual(ownDepartment, [.department(d.department)])
            let byHandler = try await d.awards.request(Self.submission(), caller: d.handler)
            let departmentAward = try await d.awards.view(id: byHandler, caller: d.assessor)
            XCTAssertEqual(departmentAward.unit.name, "沙河街道·派出所")
            let workers = try await d.awards.ownUnits(caller: d.gridLeader).map(\.unit.code).sorted()
            XCTAssertEqual(workers, d.workers.map(String.init).sorted())
            let needsChoice = await rejection { _ = try await d.awards.request(Self.submission(), caller: d.gridLeader) }
            XCTAssertEqual(needsChoice, "unit:required", "two grid workers: the leader chooses")
            let forWorker = try await d.awards.request(Self.submission(unit: "grid_worker:\(d.workers[1])"), caller: d.gridLeader)
            let hoisted2 = try await d.awards.view(id: forWorker, caller: d.assessor).unit.name
            XCTAssertEqual(hoisted2, "李网格")

            // Another department of the same township: not theirs; outside the jurisdiction: not found.
            let other = await rejection {
                _ = try await d.awards.request(Self.submission(unit: "department:\(d.otherDepartment)"), caller: d.handler)
            }
            XCTAssertEqual(other, "not_found", "department staff see only their department")
            let township = await rejection {
                _ = try await d.awards.request(Self.submission(unit: "department:\(d.otherDepartment)"), caller: d.township)
            }
            XCTAssertEqual(township, "unit:not_own")
            let outside = await rejection {
                _ = try await d.awards.request(Self.submission(unit: "grid_worker:\(d.outsideWorker)"), caller: d.gridLeader)
            }
            XCTAssertEqual(outside, "not_found")
            let noUnit = await rejection { _ = try await d.awards.request(Self.submission(), caller: d.handlerWithout) }
            XCTAssertEqual(noUnit, "unit:no_unit")
            let county = await rejection { _ = try await d.awards.request(Self.submission(), caller: d.leader) }
            XCTAssertEqual(county, "unit:no_unit", "a county leader speaks for no township")
            let wrongRole = await rejection { _ = try await d.awards.request(Self.submission(), caller: d.gridWorker) }
            XCTAssertEqual(wrongRole, "forbidden")
            let badPeriod = await rejection { _ = try await d.awards.request(Self.submission(period: "2026-Q4"), caller: d.township) }
            XCTAssertEqual(badPeriod, "period:invalid_format")
            let future = await rejection { _ = try await d.awards.request(Self.submission(period: "2026-12"), caller: d.township) }
            XCTAssertEqual(future, "period:not_started")
            let overCap = await rejection { _ = try await d.awards.request(Self.submission(points: "6"), caller: d.township) }
            XCTAssertEqual(overCap, "points:out_of_range")

            // Department staff see only their department's requests.
            let seen = try await d.awards.list(state: nil, caller: d.handler).map(\.id)
            XCTAssertEqual(seen, [byHandler])
            let hidden = await rejection { _ = try await d.awards.view(id: forWorker, caller: d.handler) }
            XCTAssertEqual(hidden, "not_found")
            let requests = try await d.audit("assessment_award")
            XCTAssertEqual(requests, ["assessment_award.request", "assessment_award.request"], "nothing half-written")
        }
    }

    func testTwoApprovalsAtOnceStayWithinTheCap() async throws {
        try await AssessmentDesk.each { d in
            let first = try await d.awards.request(Self.submission(points: "3"), caller: d.township)
            let second = try await d.awards.request(Self.submission(points: "3", title: "网格化服务管理创新"), caller: d.township)
            let awards = d.awards
            async let a = rejection { try await awards.approve(id: first, points: nil, note: nil, caller: d.assessor) }
            async let b = rejection { try await awards.approve(id: second, points: nil, note: nil, caller: d.countyAssessor) }
            let outcomes = await [a, b].sorted()
            XCTAssertEqual(outcomes, ["accepted", "points:over_cap"])
            let approved = try await d.adjustments.approvedAdjustments(periodKeys: ["2026-11"], unitKind: .township)
            XCTAssertEqual(approved.values.flatMap { $0 }.map(\.points), [3])
        }
    }

    func testEvidenceFilesAreKeptCheckedAndDownloadedWithAnAuditEntry() async throws {
        try await AssessmentDesk.each { d in
            let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 1, 2, 3])
            let pdf = Data("%PDF-1.4\n%矩阵\n".utf8)
            let id = try await d.awards.request(Self.submission(), files: [
                AwardEvidenceUpload(data: jpeg, filename: "C:\\fakepath\\调解室.jpg"), AwardEvidenceUpload(data: Data(), filename: ""),
                AwardEvidenceUpload(data: pdf, filename: "简报"),
            ], caller: d.township)
            let award = try await d.awards.view(id: id, caller: d.assessor)
            XCTAssertEqual(award.files.map(\.filename), ["调解室.jpg", "简报.pdf"], "the empty part of an unused field is skipped")
            XCTAssertEqual(award.files.map(\.type), [.jpeg, .pdf])
            let download = try await d.awards.evidence(id: id, fileID: try XCTUnwrap(award.files.first?.id), caller: d.assessor)
            XCTAssertEqual(download.data, jpeg)
            let outside = await rejection { _ = try await d.awards.evidence(id: id, fileID: award.files[0].id, caller: d.outsider) }
            XCTAssertEqual(outside, "not_found")
            let otherAward = await rejection { _ = try await d.awards.evidence(id: id + 1, fileID: award.files[0].id, caller: d.assessor) }
            XCTAssertEqual(otherAward, "not_found")

            let script = await rejection {
                _ = try await d.awards.request(Self.submission(), files: [AwardEvidenceUpload(data: Data("#!/bin/sh".utf8), filename: "a.jpg")],
                                               caller: d.township)
            }
            XCTAssertEqual(script, "files:unsupported_type")
            let many = await rejection {
                _ = try await d.awards.request(Self.submission(), files: Array(repeating: AwardEvidenceUpload(data: jpeg, filename: "x.jpg"), count: 6),
                                               caller: d.township)
            }
            XCTAssertEqual(many, "files:too_many")
            // A request refused for its text keeps none of its files.
            let badText = await rejection {
                _ = try await d.awards.request(Self.submission(points: "0"), files: [AwardEvidenceUpload(data: jpeg, filename: "x.jpg")],
                                               caller: d.township)
            }
            XCTAssertEqual(badText, "points:out_of_range")
            let rows = try await d.platform.database.read { try await $0.countRows(in: "assessment_award_files") }
            XCTAssertEqual(rows, 2)
            let kept = (FileManager.default.enumerator(atPath: d.platform.uploads.directory.path)?.allObjects as? [String] ?? [])
                .filter { $0.count > 32 }
            XCTAssertEqual(kept.count, 2, "no stray files: \(kept)")
            let audit = try await d.audit("assessment_award")
            XCTAssertEqual(audit, ["assessment_award.request", "assessment_award.evidence_download"])
            try? FileManager.default.removeItem(at: d.platform.uploads.directory)
        }
    }

    func testOutsideWrongRoleOwnRequestAndWithdrawal() async throws {
        try await AssessmentDesk.each { d in
            let id = try await d.awards.request(Self.submission(), caller: d.township)
            let outside = await rejection { try await d.awards.approve(id: id, points: nil, note: nil, caller: d.outsideAssessor) }
            XCTAssertEqual(outside, "not_found")
            let outsideView = await rejection { _ = try await d.awards.view(id: id, caller: d.outsider) }
            XCTAssertEqual(outsideView, "not_found")
            let notFound = await rejection { try await d.awards.refuse(id: id + 99, reason: "x", caller: d.assessor) }
            XCTAssertEqual(notFound, "not_found")
            let notAssessor = await rejection { try await d.awards.approve(id: id, points: nil, note: nil, caller: d.leader) }
            XCTAssertEqual(notAssessor, "forbidden")
            let notAssessorRefuse = await rejection { try await d.awards.refuse(id: id, reason: "x", caller: d.township) }
            XCTAssertEqual(notAssessorRefuse, "forbidden")
            let byAssessor = try await d.awards.request(Self.submission(title: "考核员所在街道亮点"), caller: d.assessor)
            let own = await rejection { try await d.awards.approve(id: byAssessor, points: nil, note: nil, caller: d.assessor) }
            XCTAssertEqual(own, "own_request")

            let notRequester = await rejection { try await d.awards.withdraw(id: id, caller: d.assessor) }
            XCTAssertEqual(notRequester, "not_requester")
            try await d.awards.withdraw(id: id, caller: d.township)
            let hoisted3 = try await d.awards.view(id: id, caller: d.township).state
            XCTAssertEqual(hoisted3, .withdrawn)
            let afterWithdrawal = await rejection { try await d.awards.approve(id: id, points: nil, note: nil, caller: d.assessor) }
            XCTAssertEqual(afterWithdrawal, "already_decided")
            let withdrawnTwice = await rejection { try await d.awards.withdraw(id: id, caller: d.township) }
            XCTAssertEqual(withdrawnTwice, "already_decided")
            XCTAssertEqual(d.recomputed.all, [])
            let adjustments = try await d.adjustments.approvedAdjustments(periodKeys: ["2026-11"], unitKind: .township)
            XCTAssertEqual(adjustments, [:], "nothing approved")
            let audit = try await d.audit("assessment_award")
            XCTAssertEqual(audit, ["assessment_award.request", "assessment_award.request", "assessment_award.withdraw"])
        }
    }
}
