import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// The demo's completed satisfaction survey: the demo assessor's county, the period before the reference time's,
/// every township with numbers and figures.
final class DemoSurveyTests: XCTestCase {
    func testTheDemoHasOneCompletedRoundWithFigures() async throws {
        try await DemoFixture.withDemoDatabase { db, _ in
            let platform = try TestPlatform.make(database: db)
            let county = try await DemoRows.query(db, "SELECT area_code AS v FROM accounts WHERE username = 'demo.assessor'")
                .first?["v"] ?? ""
            let assessor = Caller(staff: Staff(accountID: 1, username: "a", displayName: "考核员", role: .assessor,
                                               jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(county)))), ip: "test")
            let surveys = SatisfactionSurveys(platform: platform)
            let rounds = try await surveys.rounds(caller: assessor)
            let round = try XCTUnwrap(rounds.first)
            XCTAssertEqual(rounds.count, 1)
            XCTAssertEqual(round.periodLabel, "2026年第5期")
            XCTAssertGreaterThan(round.sampled, 0)
            let view = try await surveys.round(id: round.id, caller: assessor)
            XCTAssertEqual(view.figures.total.pending, 0, "every number called")
            XCTAssertEqual(view.figures.total.sampled, round.sampled)
            XCTAssertNotNil(view.figures.total.safety)
            XCTAssertNotNil(view.figures.total.satisfaction)
            XCTAssertGreaterThan(view.figures.townships.count, 1)
            XCTAssertFalse(view.comments.isEmpty)
        }
    }
}
