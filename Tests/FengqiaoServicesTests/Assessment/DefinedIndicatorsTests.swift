import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Indicators the assessor defines, on SQLite and PostgreSQL: a reported one (人工填报) defined, put in the township
/// templates, filled in for 沙河街道 (and not for 麻池镇), scored by the straight-line rule, re-scored when a value
/// changes, summed over a quarter and opened down to its entries; a sheet is stored whole or not at all; retiring;
/// appeals naming a defined indicator; and indicators counted over a category of the tiny demo's cases, which recount
/// from the drill-down and from their base measure's cases of that category.
final class DefinedIndicatorsTests: XCTestCase {
    static let shahe = SampleAreas.township
    static let machi = AssessmentDesk.townshipB

    static func ledger() -> IndicatorSubmission {
        IndicatorSubmission(name: "台账完成率", unitKind: "township", source: "reported", shape: "rate", direction: "higher",
                            explanation: "按月报送的矛盾纠纷排查台账数 / 应报送数")
    }

    /// The standard template of `kind` with 按时办结率 down from 20 to 10 points and `indicator` at 10 points.
    static func template(_ kind: AssessedUnitKind, _ period: AssessmentPeriodKind, with indicator: AssessmentIndicator,
                         target: Double, floor: Double) -> AssessmentTemplate {
        var template = AssessmentTemplate.standard(kind, period)
        if let i = template.rules.firstIndex(where: { $0.indicator == .closedOnTime }) { template.rules[i].weight -= 10 }
        template.rules.append(IndicatorRule(indicator, weight: 10, target: target, floor: floor))
        return template
    }

    static func scored(_ ranking: AssessmentRanking, _ township: String, _ key: String) throws -> IndicatorScore {
        let standing = try XCTUnwrap(ranking.standings.first { $0.unit.code == township }, township)
        return try XCTUnwrap(standing.score.indicators.first { $0.rule.indicator.key == key }, key)
    }

    static func rate(_ numerator: Int, of denominator: Int, note: String? = nil) -> ReportedValueInput {
        ReportedValueInput(numerator: String(numerator), denominator: String(denominator), note: note)
    }

    func testAReportedIndicatorScoresAsEnteredAndAgainWhenAValueChanges() async throws {
        try await AssessmentDesk.each { d in
            let indicators = AssessmentIndicators(platform: d.platform)
            let assessments = Assessments(platform: d.platform)
            let values = ReportedValues(platform: d.platform) { key, kind in try await assessments.recompute(periodKey: key, kind: kind) }
            let ledger = try await indicators.define(Self.ledger(), caller: d.countyAssessor)
            XCTAssertTrue(ledger.key.hasPrefix("custom_"), ledger.key)
            XCTAssertEqual(ledger.source, .reported)
            XCTAssertEqual(ledger.unitKinds, [.township])
            XCTAssertTrue(ledger.isRate)
            let audit = try await d.audit("assessment_indicator")
            XCTAssertEqual(audit, ["assessment.indicator.define"])
            let catalog = try await indicators.catalog()
            XCTAssertEqual(catalog.indicator(ledger.key)?.chineseName, "台账完成率")
            XCTAssertEqual(catalog.indicator(ledger.key)?.explanation, "按月报送的矛盾纠纷排查台账数 / 应报送数")
            XCTAssertTrue(catalog.choosable(for: .township).contains(ledger))
            XCTAssertFalse(catalog.choosable(for: .department).contains(ledger))
            XCTAssertEqual(catalog.all.count, 13)

            try await assessments.saveTemplate(Self.template(.township, .month, with: ledger, target: 0.9, floor: 0.5),
                                               caller: d.countyAssessor)
            let changed = try await values.record(key: ledger.key, periodKey: "2026-10", area: nil,
                                                  inputs: [Self.shahe: Self.rate(7, of: 10, note: "补报两份")], caller: d.countyAssessor)
            XCTAssertEqual(changed, 1)
            let sheet = try await values.sheet(key: ledger.key, periodKey: "2026-10", area: nil, caller: d.countyAssessor)
            XCTAssertEqual(sheet.rows.map(\.unit.unit.code), [Self.shahe, Self.machi])
            XCTAssertEqual(sheet.rows.map(\.value), [.rate(7, of: 10), nil])
            XCTAssertEqual(sheet.rows.first?.note, "补报两份")
            XCTAssertEqual(sheet.rows.first?.enteredBy, d.countyAssessor.staff.displayName)

            // 7/10 = 0.7 → 10 × (0.7 − 0.5) / (0.9 − 0.5) = 5 points; 麻池镇 not reported: 0 points, 未填报.
            let october = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: d.countyAssessor)
            let shahe = try Self.scored(october, Self.shahe, ledger.key)
            XCTAssertEqual(shahe.value, .rate(7, of: 10))
            XCTAssertEqual(shahe.points, 5)
            XCTAssertFalse(shahe.unreported)
            let machi = try Self.scored(october, Self.machi, ledger.key)
            XCTAssertEqual(machi.points, 0)
            XCTAssertTrue(machi.unreported)
            XCTAssertEqual(machi.rule.indicator.chineseName, "台账完成率", "the stored score carries the definition")

            // A changed value re-scores the period (9/10 = 0.9: full 10 points), audited before and after.
            let again = try await values.record(key: ledger.key, periodKey: "2026-10", area: nil,
                                                inputs: [Self.shahe: Self.rate(9, of: 10, note: "补报两份")], caller: d.countyAssessor)
            XCTAssertEqual(again, 1)
            let rescored = try await assessments.ranking(periodKey: "2026-10", kind: "township", caller: d.countyAssessor)
            XCTAssertEqual(try Self.scored(rescored, Self.shahe, ledger.key).points, 10)
            XCTAssertEqual(try Self.scored(rescored, Self.shahe, ledger.key).value, .rate(9, of: 10))
            let shaheTotal = try XCTUnwrap(rescored.standings.first { $0.unit.code == Self.shahe }?.score.total)
            let before = try XCTUnwrap(october.standings.first { $0.unit.code == Self.shahe }?.score.total)
            XCTAssertEqual(shaheTotal, before + 5, accuracy: 0.001, "only the changed indicator moved")

            // The same value again changes nothing and audits nothing; a blank takes the value back.
            let same = try await values.record(key: ledger.key, periodKey: "2026-10", area: nil,
                                               inputs: [Self.shahe: Self.rate(9, of: 10, note: "补报两份"), Self.machi: ReportedValueInput(numerator: " ")],
                                               caller: d.countyAssessor)
            XCTAssertEqual(same, 0)
            let back = try await values.record(key: ledger.key, periodKey: "2026-10", area: nil,
                                               inputs: [Self.shahe: ReportedValueInput(numerator: nil)], caller: d.countyAssessor)
            XCTAssertEqual(back, 1)
            let takenBack = try await assessments.ranking(periodKey: "2026-10", kind: "township", caller: d.countyAssessor)
            XCTAssertTrue(try Self.scored(takenBack, Self.shahe, ledger.key).unreported)
            XCTAssertEqual(try Self.scored(takenBack, Self.shahe, ledger.key).points, 0)

            let actions = try await d.audit("assessment_indicator")
            XCTAssertEqual(actions, ["assessment.indicator.define", "assessment.reported_value", "assessment.reported_value",
                                     "assessment.reported_value"])
            let summaries = try await d.platform.database.read { db in
                try await db.select().column("object_id").column("summary").from("audit_log")
                    .where("action", .equal, "assessment.reported_value").orderBy("id").all()
                    .map { (try $0.decode(column: "object_id", as: String.self), try $0.decode(column: "summary", as: String.self)) }
            }
            XCTAssertEqual(summaries.map(\.0), Array(repeating: "\(ledger.key)/2026-10/township:\(Self.shahe)", count: 3))
            let changes = try summaries.map { row in
                let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(row.1.utf8)) as? [String: String], row.1)
                return "\(object["unit"] ?? "") \(object["before"] ?? "") → \(object["after"] ?? "")"
            }
            XCTAssertEqual(changes, ["沙河街道 未填报 → 7/10", "沙河街道 7/10 → 9/10", "沙河街道 9/10 → 未填报"])
        }
    }

    func testAQuarterScoresTheSumOfItsMonthsAndTheDrillDownListsTheEntries() async throws {
        try await AssessmentDesk.each { d in
            let assessments = Assessments(platform: d.platform)
            let values = ReportedValues(platform: d.platform) { key, kind in try await assessments.recompute(periodKey: key, kind: kind) }
            let ledger = try await AssessmentIndicators(platform: d.platform).define(Self.ledger(), caller: d.countyAssessor)
            for period in [AssessmentPeriodKind.month, .quarter] {
                try await assessments.saveTemplate(Self.template(.township, period, with: ledger, target: 0.9, floor: 0.5),
                                                   caller: d.countyAssessor)
            }
            // 沙河街道: October 7/10 and November 2/5, no value for the quarter itself. 麻池镇: a quarter's own 3/4,
            // which wins over its October 1/4.
            try await values.record(key: ledger.key, periodKey: "2026-10", area: nil,
                                    inputs: [Self.shahe: Self.rate(7, of: 10), Self.machi: Self.rate(1, of: 4)], caller: d.countyAssessor)
            try await values.record(key: ledger.key, periodKey: "2026-11", area: nil,
                                    inputs: [Self.shahe: Self.rate(2, of: 5, note: "11月")], caller: d.countyAssessor)
            try await values.record(key: ledger.key, periodKey: "2026-Q4", area: nil,
                                    inputs: [Self.machi: Self.rate(3, of: 4)], caller: d.countyAssessor)

            // 沙河街道 9/15 = 0.6 → 10 × 0.1 / 0.4 = 2.5; 麻池镇 3/4 = 0.75 → 10 × 0.25 / 0.4 = 6.25.
            let q4 = try await assessments.compute(periodKey: "2026-Q4", kind: "township", caller: d.countyAssessor)
            XCTAssertEqual(try Self.scored(q4, Self.shahe, ledger.key).value, .rate(9, of: 15))
            XCTAssertEqual(try Self.scored(q4, Self.shahe, ledger.key).points, 2.5)
            XCTAssertEqual(try Self.scored(q4, Self.machi, ledger.key).value, .rate(3, of: 4))
            XCTAssertEqual(try Self.scored(q4, Self.machi, ledger.key).points, 6.25)

            let drill = try await assessments.drillDown(periodKey: "2026-Q4", unit: "township:\(Self.shahe)", indicator: ledger.key,
                                                        caller: d.countyAssessor)
            XCTAssertEqual(drill.entries.map(\.period.key), ["2026-10", "2026-11"])
            XCTAssertEqual(drill.entries.map(\.value), [.rate(7, of: 10), .rate(2, of: 5)])
            XCTAssertEqual(drill.entries.map(\.note), [nil, "11月"])
            XCTAssertEqual(drill.entries.map(\.enteredBy), Array(repeating: d.countyAssessor.staff.displayName, count: 2))
            XCTAssertEqual(drill.cases, [], "a reported indicator has no cases")
            XCTAssertEqual(drill.recounted, drill.indicator.value)
            let own = try await assessments.drillDown(periodKey: "2026-Q4", unit: "township:\(Self.machi)", indicator: ledger.key,
                                                      caller: d.countyAssessor)
            XCTAssertEqual(own.entries.map(\.period.key), ["2026-Q4"], "the months the quarter's own value replaced are not listed")
            XCTAssertEqual(own.recounted, own.indicator.value)
            let month = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: d.countyAssessor)
            let octoberDrill = try await assessments.drillDown(periodKey: "2026-10", unit: "township:\(Self.machi)",
                                                               indicator: ledger.key, caller: d.countyAssessor)
            XCTAssertEqual(octoberDrill.entries.map(\.value), [.rate(1, of: 4)])
            XCTAssertEqual(octoberDrill.recounted, try Self.scored(month, Self.machi, ledger.key).value)

            // A month's value changed after the quarter was scored re-scores the quarter: 11/15 → 10 × (0.7333 − 0.5)/0.4.
            try await values.record(key: ledger.key, periodKey: "2026-11", area: nil,
                                    inputs: [Self.shahe: Self.rate(4, of: 5, note: "11月")], caller: d.countyAssessor)
            let rescored = try await assessments.ranking(periodKey: "2026-Q4", kind: "township", caller: d.countyAssessor)
            XCTAssertEqual(try Self.scored(rescored, Self.shahe, ledger.key).value, .rate(11, of: 15))
            XCTAssertEqual(try Self.scored(rescored, Self.shahe, ledger.key).points, 5.83)
        }
    }

    func testASheetIsStoredWholeOrNotAtAllAndOnlyByItsAssessor() async throws {
        try await AssessmentDesk.each { d in
            let indicators = AssessmentIndicators(platform: d.platform)
            let values = ReportedValues(platform: d.platform, recompute: d.recomputed.recompute)
            let ledger = try await indicators.define(Self.ledger(), caller: d.countyAssessor)
            let category = try await indicators.define(
                IndicatorSubmission(name: "纠纷办结率", unitKind: "township", source: "category", base: "closure_rate", category: "dispute"),
                caller: d.countyAssessor)
            func record(_ inputs: [String: ReportedValueInput], key: String = ledger.key, period: String = "2026-10",
                        area: String? = nil, caller: Caller? = nil) async -> String {
                await rejection {
                    try await values.record(key: key, periodKey: period, area: area, inputs: inputs, caller: caller ?? d.countyAssessor)
                }
            }

            let half = await record([Self.shahe: Self.rate(7, of: 10), Self.machi: Self.rate(11, of: 10)])
            XCTAssertEqual(half, "values[\(Self.machi)].numerator:out_of_range")
            let both = await record([Self.shahe: ReportedValueInput(numerator: "7"), Self.machi: ReportedValueInput(numerator: "a", denominator: "4")])
            XCTAssertEqual(both, "values[\(Self.shahe)].denominator:required,values[\(Self.machi)].numerator:invalid")
            let sheet = try await values.sheet(key: ledger.key, periodKey: "2026-10", area: nil, caller: d.countyAssessor)
            XCTAssertEqual(sheet.rows.map(\.value), [nil, nil], "nothing of a refused sheet was stored")
            XCTAssertEqual(d.recomputed.all, [], "nor scored again")
            let audit = try await d.audit("assessment_indicator")
            XCTAssertEqual(audit, ["assessment.indicator.define", "assessment.indicator.define"])

            // Outside the jurisdiction, outside the area chosen, or not an assessor.
            let outside = await record([Self.machi: Self.rate(1, of: 2)], caller: d.assessor)
            XCTAssertEqual(outside, "not_found", "麻池镇 is not 沙河街道's assessor's")
            let notInArea = await record([Self.machi: Self.rate(1, of: 2)], area: Self.shahe)
            XCTAssertEqual(notInArea, "not_found")
            let nowhere = await record([Self.shahe: Self.rate(1, of: 2)], area: Self.machi, caller: d.assessor)
            XCTAssertEqual(nowhere, "not_found")
            let noArea = await record([Self.shahe: Self.rate(1, of: 2)], area: "15020")
            XCTAssertEqual(noArea, "not_found")
            let ownSheet = try await values.sheet(key: ledger.key, periodKey: "2026-10", area: nil, caller: d.assessor)
            XCTAssertEqual(ownSheet.rows.map(\.unit.unit.code), [Self.shahe])
            for caller in [d.township, d.leader, d.handler, d.gridWorker] {
                let refused = await record([Self.shahe: Self.rate(1, of: 2)], caller: caller)
                XCTAssertEqual(refused, "forbidden", caller.staff.role.rawValue)
                let sheetRefused = await rejection {
                    _ = try await values.sheet(key: ledger.key, periodKey: "2026-10", area: nil, caller: caller)
                }
                XCTAssertEqual(sheetRefused, "forbidden", caller.staff.role.rawValue)
            }

            // Only a defined reported indicator takes values.
            for key in ["custom_999", category.key, "closure_rate", ""] {
                let refused = await record([Self.shahe: Self.rate(1, of: 2)], key: key)
                XCTAssertEqual(refused, "not_found", key)
            }
            let future = await record([Self.shahe: Self.rate(1, of: 2)], period: "2027-01")
            XCTAssertEqual(future, "period:not_started")
            let badPeriod = await record([Self.shahe: Self.rate(1, of: 2)], period: "2026-13")
            XCTAssertEqual(badPeriod, "period:invalid_format")

            let stored = await record([Self.shahe: Self.rate(1, of: 2)], caller: d.assessor)
            XCTAssertEqual(stored, "accepted")
            XCTAssertEqual(d.recomputed.all, ["2026-10 township"], "a stored sheet scores its period again")
            let kept = try await values.sheet(key: ledger.key, periodKey: "2026-10", area: nil, caller: d.countyAssessor)
            XCTAssertEqual(kept.rows.map(\.value), [.rate(1, of: 2), nil])
        }
    }

    func testDefiningIsTheAssessorsAndRetiringWaitsForTheTemplates() async throws {
        try await AssessmentDesk.each { d in
            let indicators = AssessmentIndicators(platform: d.platform)
            let assessments = Assessments(platform: d.platform)
            for caller in [d.township, d.leader, d.handler] {
                let refused = await rejection { _ = try await indicators.define(Self.ledger(), caller: caller) }
                XCTAssertEqual(refused, "forbidden", caller.staff.role.rawValue)
            }
            let badDefinition = await rejection {
                _ = try await indicators.define(IndicatorSubmission(name: "满意率", unitKind: "township", source: "reported"),
                                                caller: d.countyAssessor)
            }
            XCTAssertEqual(badDefinition, "name:duplicate,shape:required,direction:required,explanation:required")
            let ledger = try await indicators.define(Self.ledger(), caller: d.countyAssessor)
            let twice = await rejection { _ = try await indicators.define(Self.ledger(), caller: d.assessor) }
            XCTAssertEqual(twice, "name:duplicate")
            let noCategory = await rejection {
                _ = try await indicators.define(
                    IndicatorSubmission(name: "纠纷办结率", unitKind: "township", source: "category", base: "closure_rate",
                                        category: "dispute.nothing"), caller: d.countyAssessor)
            }
            XCTAssertEqual(noCategory, "category:unknown")
            let nothingStored = try await indicators.catalog()
            XCTAssertEqual(nothingStored.defined.map(\.key), [ledger.key], "refused definitions store nothing")

            try await assessments.saveTemplate(Self.template(.township, .month, with: ledger, target: 0.9, floor: 0.5),
                                               caller: d.countyAssessor)
            // A template names a defined indicator by its key; its definition is the stored one, whatever was sent.
            let tampered = AssessmentIndicator(key: ledger.key, chineseName: "改名", isRate: false, higherIsBetter: false,
                                               unitKinds: [.township], source: .reported)
            try await assessments.saveTemplate(Self.template(.township, .month, with: tampered, target: 0.9, floor: 0.5),
                                               caller: d.countyAssessor)
            let saved = try await assessments.template(kind: "township", periodKind: "month", caller: d.countyAssessor)
            let kept = try XCTUnwrap(saved.rules.first { $0.indicator.key == ledger.key }?.indicator)
            XCTAssertEqual(kept.chineseName, "台账完成率")
            XCTAssertTrue(kept.isRate)
            let inUse = await rejection { try await indicators.retire(key: ledger.key, caller: d.countyAssessor) }
            XCTAssertEqual(inUse, "in_use")
            let notAssessor = await rejection { try await indicators.retire(key: ledger.key, caller: d.township) }
            XCTAssertEqual(notAssessor, "forbidden")
            for key in ["custom_999", "closure_rate"] {
                let unknown = await rejection { try await indicators.retire(key: key, caller: d.countyAssessor) }
                XCTAssertEqual(unknown, "not_found", key)
            }
            // Scored while in use, October keeps naming it after it is retired.
            _ = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: d.countyAssessor)

            try await assessments.saveTemplate(.standard(.township, .month), caller: d.countyAssessor)
            try await indicators.retire(key: ledger.key, caller: d.countyAssessor)
            let again = await rejection { try await indicators.retire(key: ledger.key, caller: d.countyAssessor) }
            XCTAssertEqual(again, "already_retired")
            let retiredInTemplate = await rejection {
                try await assessments.saveTemplate(Self.template(.township, .month, with: ledger, target: 0.9, floor: 0.5),
                                                   caller: d.countyAssessor)
            }
            XCTAssertEqual(retiredInTemplate, "rules[7].indicator:retired", "a retired indicator cannot be put back")
            let catalog = try await indicators.catalog()
            XCTAssertFalse(catalog.choosable(for: .township).contains(ledger), "no longer choosable")
            XCTAssertTrue(catalog.all.contains(ledger), "still known")
            XCTAssertEqual(catalog.indicator(ledger.key)?.chineseName, "台账完成率")
            XCTAssertFalse(catalog.activeKeys.contains(ledger.key))
            let audit = try await d.audit("assessment_indicator")
            XCTAssertEqual(audit, ["assessment.indicator.define", "assessment.indicator.retire"])
            let reuse = await rejection { _ = try await indicators.define(Self.ledger(), caller: d.countyAssessor) }
            XCTAssertEqual(reuse, "name:duplicate", "a retired indicator's name stays taken")
            let october = try await assessments.ranking(periodKey: "2026-10", kind: "township", caller: d.countyAssessor)
            XCTAssertEqual(try Self.scored(october, Self.shahe, ledger.key).rule.indicator.chineseName, "台账完成率")
            let recomputed = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: d.countyAssessor)
            XCTAssertNoThrow(try Self.scored(recomputed, Self.shahe, ledger.key), "an ended period keeps the template it was scored by")
        }
    }

    func testAnAppealMayNameADefinedIndicator() async throws {
        try await AssessmentDesk.each { d in
            let indicators = AssessmentIndicators(platform: d.platform)
            let assessments = Assessments(platform: d.platform)
            let ledger = try await indicators.define(Self.ledger(), caller: d.countyAssessor)
            let departmental = try await indicators.define(
                IndicatorSubmission(name: "部门台账完成率", unitKind: "department", source: "reported", shape: "count",
                                    direction: "higher", explanation: "台账份数"), caller: d.countyAssessor)
            try await assessments.saveTemplate(Self.template(.township, .month, with: ledger, target: 0.9, floor: 0.5),
                                               caller: d.countyAssessor)
            let reasons = "本月台账已按时报送,系统未录入,请核实后不予扣分"
            let id = try await d.appeals.file(AppealSubmission(period: "2026-10", indicator: ledger.key, reasons: reasons),
                                              caller: d.township)
            let appeal = try await d.appeals.view(id: id, caller: d.assessor)
            XCTAssertEqual(appeal.indicator.key, ledger.key)
            XCTAssertEqual(appeal.indicator.chineseName, "台账完成率")
            XCTAssertEqual(appeal.unit.unit, AssessedUnit(.township, Self.shahe))

            let unknown = await rejection {
                _ = try await d.appeals.file(AppealSubmission(period: "2026-10", indicator: "custom_999", reasons: reasons), caller: d.township)
            }
            XCTAssertEqual(unknown, "indicator:unknown")
            let otherKind = await rejection {
                _ = try await d.appeals.file(AppealSubmission(period: "2026-10", indicator: departmental.key, reasons: reasons),
                                             caller: d.township)
            }
            XCTAssertEqual(otherKind, "indicator:not_applicable")

            // Upheld, it waives the indicator: full points though nothing was reported.
            try await d.appeals.decide(id: id, decision: "upheld", note: "经核实台账已报送", caller: d.assessor)
            let exclusions = try await d.adjustments.exclusions(periodKeys: ["2026-10"], unitKind: .township)
            XCTAssertEqual(exclusions, [AssessmentExclusion(unit: AssessedUnit(.township, Self.shahe), indicator: ledger.key)])
            let october = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: d.countyAssessor)
            let waived = try Self.scored(october, Self.shahe, ledger.key)
            XCTAssertTrue(waived.waived)
            XCTAssertEqual(waived.points, 10)
            XCTAssertTrue(try Self.scored(october, Self.machi, ledger.key).unreported)
        }
    }

    /// Over the tiny demo's October: a township indicator over 矛盾纠纷 › 邻里纠纷 (按时办结率) and a department one over
    /// the kind 矛盾纠纷 (办结率). For every unit: the drill-down's cases add up to the stored value, it is no more than its
    /// base's, and it is exactly what the base's cases of that category add up to.
    func testCategoryIndicatorsRecountFromTheirCasesOverTheDemo() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let atlas = try await platform.areaAtlas()
            let root = try XCTUnwrap(atlas.rootCode.flatMap(AreaCode.init))
            let assessor = Caller(staff: Staff(accountID: 1, username: "a", displayName: "考核员", role: .assessor,
                                               jurisdiction: Jurisdiction(root: root)), ip: "test")
            let indicators = AssessmentIndicators(platform: platform)
            let assessments = Assessments(platform: platform)
            let categories = try await indicators.categories()
            XCTAssertTrue(categories.contains { $0.code == "dispute" && $0.name == "矛盾纠纷" }, "\(db.kind): the kinds are offered")
            XCTAssertTrue(categories.contains { $0.code == "dispute.neighbour" && $0.name == "邻里纠纷" }, "\(db.kind): and their categories")

            let neighbour = try await indicators.define(
                IndicatorSubmission(name: "邻里纠纷按时办结率", unitKind: "township", source: "category", base: "closed_on_time",
                                    category: "dispute.neighbour"), caller: assessor)
            let disputes = try await indicators.define(
                IndicatorSubmission(name: "矛盾纠纷办结率", unitKind: "department", source: "category", base: "closure_rate",
                                    category: "dispute"), caller: assessor)
            try await assessments.saveTemplate(Self.template(.township, .month, with: neighbour, target: 0.95, floor: 0.6), caller: assessor)
            try await assessments.saveTemplate(Self.template(.department, .month, with: disputes, target: 0.95, floor: 0.6), caller: assessor)

            let checks: [(AssessedUnitKind, AssessmentIndicator, AssessmentIndicator, @Sendable (String, String) -> Bool)] = [
                (.township, neighbour, .closedOnTime, { _, category in category == "邻里纠纷" || category == "dispute.neighbour" }),
                (.department, disputes, .closureRate, { kind, _ in kind == CaseKind.dispute.rawValue }),
            ]
            for (kind, defined, base, ofCategory) in checks {
                let ranking = try await assessments.compute(periodKey: "2026-10", kind: kind.rawValue, caller: assessor)
                XCTAssertFalse(ranking.standings.isEmpty, "\(db.kind) \(kind)")
                var counted = 0
                for standing in ranking.standings {
                    let unit = "\(kind.rawValue):\(standing.unit.code)"
                    let value = try XCTUnwrap(standing.score.indicators.first { $0.rule.indicator.key == defined.key }?.value)
                    let baseValue = try XCTUnwrap(standing.score.indicators.first { $0.rule.indicator == base }?.value)
                    XCTAssertLessThanOrEqual(value.numerator, baseValue.numerator, "\(db.kind) \(unit)")
                    XCTAssertLessThanOrEqual(value.denominator ?? 0, baseValue.denominator ?? 0, "\(db.kind) \(unit)")

                    let drill = try await assessments.drillDown(periodKey: "2026-10", unit: unit, indicator: defined.key, caller: assessor)
                    XCTAssertEqual(drill.recounted, value, "\(db.kind) \(unit): the cases add up to the score")
                    let baseDrill = try await assessments.drillDown(periodKey: "2026-10", unit: unit, indicator: base.key, caller: assessor)
                    let ids = Array(Set(baseDrill.cases.map(\.caseId)))
                    var rows: [(Int64, String, String)] = []
                    if !ids.isEmpty {
                        rows = try await db.read { sql in
                            try await sql.select().column("id").column("kind").column("category").from("cases").where("id", .in, ids).all()
                            .map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "kind", as: String.self),
                                    try $0.decode(column: "category", as: String.self)) }
                        }
                    }
                    let matching = Set(rows.filter { ofCategory($0.1, $0.2) }.map(\.0))
                    func lines(_ cases: [AssessmentDrillDown.CaseLine]) -> [String] {
                        cases.map { "\($0.caseId) \($0.contribution.at.timeIntervalSince1970) \($0.contribution.cause) \($0.contribution.hit) \($0.contribution.counted)" }
                            .sorted()
                    }
                    XCTAssertEqual(lines(drill.cases), lines(baseDrill.cases.filter { matching.contains($0.caseId) }),
                                   "\(db.kind) \(unit): exactly the base's facts of cases of the category")
                    counted += drill.cases.count
                }
                XCTAssertGreaterThan(counted, 0, "\(db.kind) \(kind): some cases of the category counted in October")
            }
        }
    }
}
