import FengqiaoDomain
import FengqiaoServices
import FengqiaoSheets
import FengqiaoStore
import FengqiaoTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class SearchAndExportTests: XCTestCase {
    func testOneSearchFindsPeopleOrganisationsAndPlacesAndListsExport() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("gl", role: .gridLeader, area: SampleAreas.grid, in: platform.database)
            try await TestAccounts.create("lead", role: .leader, area: SampleAreas.county, in: platform.database)
            let gridLeader = Caller(staff: Staff(accountID: 1, username: "gl", displayName: "gl", role: .gridLeader,
                                                 jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.grid)!)), ip: "t")
            let id = ResidentIdentityNumber(division: "150207", birthDate: "19800101", sequence: 3)!.rawValue
            _ = try await ResidentRegistry(platform: platform).register(
                ResidentSubmission(name: "阳光", idNumber: id, gridCode: SampleAreas.grid, address: "阳光花园3栋"), caller: gridLeader)
            let base = "91150207MA0N00009"
            _ = try await OrganizationRegistry(platform: platform).register(
                OrganizationSubmission(name: "阳光花园物业", creditCode: base + String(UnifiedSocialCreditCode.checkCharacter(forFirst17: base)!),
                                       gridCode: SampleAreas.grid, address: "阳光花园1栋"), caller: gridLeader)
            _ = try await SiteRegistry(platform: platform).registerPlace(
                .init(name: "阳光花园小区", kind: "小区", gridCode: SampleAreas.grid, address: "阳光花园",
                      latitude: SampleAreas.pointInGrid.latitude, longitude: SampleAreas.pointInGrid.longitude),
                caller: gridLeader)
            let leader = try await signIn(client, username: "lead")
            let page = try await client.execute(uri: "/search?q=%E9%98%B3%E5%85%89%E8%8A%B1%E5%9B%AD", method: .get,
                                                headers: leader.headers)
            XCTAssertTrue(page.text.contains("阳光花园物业"), page.text)
            XCTAssertTrue(page.text.contains("阳光花园小区"))
            XCTAssertTrue(page.text.contains("/people/"), "the resident living at 阳光花园 is found by address")
            for (list, header) in [("organizations", "统一社会信用代码"), ("places", "类型")] {
                let file = try await client.execute(uri: "/api/v1/exports/\(list).xlsx?area=\(SampleAreas.village)",
                                                    method: .get, headers: [.cookie: leader.cookie])
                XCTAssertEqual(file.status, .ok, list)
                let table = try SheetReader.read(data: Data(buffer: file.body), filename: "\(list).xlsx")
                XCTAssertTrue(table.header.contains(header), "\(table.header)")
                XCTAssertEqual(table.rows.count, 1)
            }
            // The people page links its export with `?area=` empty when no area is chosen: the whole jurisdiction.
            let everything = try await client.execute(uri: "/api/v1/exports/places.xlsx?area=", method: .get,
                                                      headers: [.cookie: leader.cookie])
            XCTAssertEqual(everything.status, .ok)
            let unknown = try await client.execute(uri: "/api/v1/exports/secrets.xlsx", method: .get, headers: [.cookie: leader.cookie])
            XCTAssertEqual(unknown.status, .notFound)
            let audit = try await platform.database.read { try await AuditRepository($0, kind: platform.database.kind).latest(limit: 5) }
            XCTAssertEqual(audit.prefix(3).map(\.action).sorted(), ["export.organizations", "export.places", "export.places"])
        }
    }
}
