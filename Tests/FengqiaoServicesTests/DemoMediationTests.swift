import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// The demo's mediation centre: committees per township, a 和事佬 studio, a labour body, about twenty
/// mediators (some speaking Mongolian), and mediations with sessions counted on their cases' ladder.
final class DemoMediationTests: XCTestCase {
    func testTheDemoHasAMediationCentreWithWork() async throws {
        try await DemoFixture.withDemoDatabase { db, summary in
            let townships = summary.areasByLevel[.township] ?? 0
            let platform = try TestPlatform.make(database: db)
            let county = try await DemoRows.query(db, "SELECT code AS v FROM areas WHERE level = 'city'").first?["v"] ?? ""
            let reader = Caller(staff: Staff(accountID: 1, username: "r", displayName: "读者", role: .leader,
                                             jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(county)))), ip: "test")
            let organizations = try await MediationRegistry(platform: platform).organizations(caller: reader)
            XCTAssertEqual(organizations.filter { $0.kind == "townshipCommittee" }.count, townships)
            XCTAssertTrue(organizations.contains { $0.kind == "personalStudio" && $0.name.contains("和事佬") })
            XCTAssertTrue(organizations.contains { $0.kind == "professional" && $0.name.contains("劳动") })
            let mediators = try await MediationRegistry(platform: platform).mediators(caller: reader)
            XCTAssertEqual(mediators.count, 20)
            XCTAssertGreaterThanOrEqual(mediators.filter { $0.languages.contains("mongolian") }.count, 5)
            XCTAssertTrue(mediators.allSatisfy { $0.phone?.contains("****") == true })
            XCTAssertGreaterThan(mediators.map(\.load).reduce(0, +), 0, "some carry open mediations")

            let mediations = try await MediationCases(platform: platform).list(caller: reader)
            // Mediations open on the disputes still open, which the small demo has few of (how many depends on the
            // random stream: three categories more in the catalogue left two).
            XCTAssertGreaterThanOrEqual(mediations.count, 2)
            XCTAssertTrue(mediations.contains { ["inMediation", "succeeded", "partial", "failed"].contains($0.state) },
                          "some held sessions")
            XCTAssertTrue(mediations.contains { $0.nextSession != nil })
            let held = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM mediation_sessions WHERE outcome IS NOT NULL")
            let attempts = try await DemoRows.count(
                db, "SELECT COUNT(*) AS n FROM case_events WHERE type = 'attempt_recorded' AND payload LIKE '%调解会(M%'")
            XCTAssertGreaterThan(held, 0)
            XCTAssertEqual(attempts, held, "every held session is one attempt on its case")
            let referrals = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM mediation_referrals")
            XCTAssertGreaterThan(referrals, 0)
            // Some ended with an agreement (through the outcome service's own writer).
            let agreements = try await DemoRows.count(db, """
                SELECT COUNT(*) AS n FROM mediation_agreements a JOIN mediation_cases m ON m.id = a.mediation_id
                WHERE m.state = 'succeeded'
                """)
            XCTAssertGreaterThan(agreements, 0)
            // Their cases named no parties, so the demo gave each mediation an applicant and a respondent.
            let partyless = try await DemoRows.count(db, """
                SELECT COUNT(*) AS n FROM mediation_cases m
                WHERE NOT EXISTS (SELECT 1 FROM mediation_parties p WHERE p.mediation_id = m.id AND p.side = 'applicant')
                   OR NOT EXISTS (SELECT 1 FROM mediation_parties p WHERE p.mediation_id = m.id AND p.side = 'respondent')
                """)
            XCTAssertEqual(partyless, 0, "every demo mediation names both sides")
            let unmasked = try await DemoRows.count(db, """
                SELECT COUNT(*) AS n FROM mediation_parties
                WHERE (phone_masked IS NULL) <> (phone_cipher IS NULL) OR phone_masked NOT LIKE '%****%'
                """)
            XCTAssertEqual(unmasked, 0, "phones sealed and masked")
            let conclusions = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM mediation_conclusions")
            let ended = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM mediation_cases WHERE state IN ('succeeded', 'partial', 'failed')")
            XCTAssertEqual(conclusions, ended, "every ended mediation has its conclusion")
            let view = try await MediationCases(platform: platform).view(number: try XCTUnwrap(mediations.first?.number), caller: reader)
            XCTAssertFalse(view.facts.isEmpty)
        }
    }
}
