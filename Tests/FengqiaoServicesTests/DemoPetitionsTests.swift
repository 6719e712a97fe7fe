import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

/// The demo's petitions, filed through the petition desk and the engine: every form and most states,
/// collective visits, repeats and overdue clocks, so that the pages are not empty.
final class DemoPetitionsTests: XCTestCase {
    func testTheDemoFilesPetitionsInEveryFormAndState() async throws {
        try await DemoFixture.withDemoDatabase { db, _ in
            let platform = try TestPlatform.make(database: db)
            let filed = try await DemoPetitions(seed: 7, now: DemoFixture.now).load(into: platform)
            XCTAssertEqual(filed, 12)
            let account = try await db.read { db in
                try await db.select().column("*").from("accounts").where("role", .equal, "petitionOfficer")
                    .where("area_code", .equal, "150207000000").first()?
                    .decode(model: AccountRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            let officer = try XCTUnwrap(account)
            let caller = Caller(staff: Staff(
                accountID: officer.id ?? 0, username: officer.username, displayName: officer.displayName,
                role: .petitionOfficer, jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(officer.areaCode))),
                departmentID: officer.departmentId), ip: "test")
            let page = try await PetitionReception(platform: platform).list(PetitionFilter(limit: 100), caller: caller)
            XCTAssertEqual(page.counts.petitions, 12)
            XCTAssertEqual(Set(page.petitions.map(\.form)), Set(PetitionForm.allCases.map(\.rawValue)))
            XCTAssertTrue(Set(page.petitions.map(\.state)).isSuperset(of: [
                "received", "accepted", "declined", "notReaccepted", "replied", "reviewRequested", "reReviewed",
            ]), "\(Set(page.petitions.map(\.state)))")
            XCTAssertEqual(page.counts.collectiveBatches, 3)
            XCTAssertEqual(page.petitions.filter(\.repeated).count, 2)
            XCTAssertEqual(page.overdue, 2, "an undecided letter of a month ago, a letter accepted 133 days ago")
            let extended = try XCTUnwrap(page.petitions.first { $0.category == "土地草场纠纷" && $0.persons == 6 })
            let view = try await PetitionReception(platform: platform).petition(id: extended.id, caller: caller)
            XCTAssertEqual(view.extension?.state, "approved")
            let registered = try await db.read { try await $0.countRows(in: "audit_log", where: ("action", "petition.register")) }
            XCTAssertEqual(registered, 12)
        }
    }
}
