import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The link between a score and the work behind it: for every indicator of every scored township and department of
/// the demo's last ended month, the cases the drill-down lists add up to the stored value again; a grid worker's days
/// of field work add up to their 走访户数. On SQLite and PostgreSQL.
final class AssessmentDrillDownTests: XCTestCase {
    func testTheDrillDownRecountsEveryStoredValue() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let atlas = try await platform.areaAtlas()
            let root = try XCTUnwrap(atlas.rootCode.flatMap(AreaCode.init))
            let assessor = Caller(staff: Staff(accountID: 1, username: "a", displayName: "考核员", role: .assessor,
                                               jurisdiction: Jurisdiction(root: root)), ip: "test")
            let assessments = Assessments(platform: platform)
            var checked = 0, lines = 0
            for kind in AssessedUnitKind.allCases {
                let ranking = try await assessments.compute(periodKey: "2026-10", kind: kind.rawValue, caller: assessor)
                XCTAssertFalse(ranking.standings.isEmpty, "\(db.kind) \(kind): scored units")
                for standing in ranking.standings {
                    let unit = "\(standing.unit.kind.rawValue):\(standing.unit.code)"
                    for indicator in standing.score.indicators {
                        let drill = try await assessments.drillDown(periodKey: "2026-10", unit: unit,
                                                                    indicator: indicator.rule.indicator.key, caller: assessor)
                        switch kind {
                        case .township, .department:
                            XCTAssertEqual(drill.recounted, indicator.value,
                                           "\(db.kind) \(unit) \(indicator.rule.indicator.key): the cases add up to the score")
                            lines += drill.cases.count
                        case .gridWorker:
                            if indicator.rule.indicator == .patrolCoverage {
                                XCTAssertGreaterThan(indicator.value.denominator ?? 0, 0,
                                                     "\(db.kind) \(unit): October's working days, patrolled or not")
                            }
                            if indicator.rule.indicator == .householdVisits {
                                XCTAssertEqual(drill.fieldDays.reduce(0) { $0 + $1.visits }, indicator.value.numerator,
                                               "\(db.kind) \(unit): the visit days add up to 走访户数")
                            }
                        }
                        checked += 1
                    }
                }
            }
            XCTAssertGreaterThan(checked, 20, "\(db.kind)")
            XCTAssertGreaterThan(lines, 0, "\(db.kind): some cases counted in October")
        }
    }

    /// 月通报 and 季排名 gather the three rankings of the viewer's jurisdiction; a quarter where a month is asked for
    /// (and the other way) is a field error; the download is audited.
    func testBulletinGathersTheThreeRankingsAndAuditsTheDownload() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let atlas = try await platform.areaAtlas()
            let root = try XCTUnwrap(atlas.rootCode.flatMap(AreaCode.init))
            let assessor = Caller(staff: Staff(accountID: 1, username: "a", displayName: "考核员", role: .assessor,
                                               jurisdiction: Jurisdiction(root: root)), ip: "test")
            let assessments = Assessments(platform: platform)
            _ = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: assessor)
            let bulletin = try await assessments.downloadBulletin(periodKey: "2026-10", kind: .month, format: "pdf",
                                                                  caller: assessor)
            XCTAssertEqual(bulletin.rankings.map(\.kind), [.township, .department, .gridWorker])
            XCTAssertEqual(bulletin.headlines.first?.units, bulletin.rankings.first?.standings.count)
            XCTAssertNil(bulletin.rankings[1].computedAt, "\(db.kind): departments not scored yet")
            XCTAssertFalse(bulletin.laggards.isEmpty, "\(db.kind): the last township is called in")
            for (key, kind) in [("2026-Q3", AssessmentPeriodKind.month), ("2026-10", .quarter)] {
                do {
                    _ = try await assessments.bulletin(periodKey: key, kind: kind, caller: assessor)
                    XCTFail("\(key) as \(kind)")
                } catch DomainError.validation(let errors) {
                    XCTAssertEqual(errors.first?.code, "wrong_kind")
                }
            }
            let audited = try await db.read { sql in
                try await sql.select().column("action").from("audit_log").where("action", .equal, "assessment.download").all()
            }
            XCTAssertEqual(audited.count, 1, "\(db.kind)")
        }
    }
}
