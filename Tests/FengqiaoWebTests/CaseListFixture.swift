import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Cases for the case list spread over two villages of the sample township and one township outside it,
/// opened and moved through the router (CaseEngine), one day apart unless `sameDay`.
enum CaseListFixture {
    static let village2 = "150207001002"
    static let grid2 = "150207001002001"
    static let outsideVillage = CaseDesk.outsideTownship.prefix(9) + "001"
    static let outsideGrid = CaseDesk.outsideTownship.prefix(9) + "001001"

    /// The second village and grid, and an outside township with a village and a grid.
    static func addAreas(_ d: CaseDesk) async throws {
        try await d.platform.database.write { db in
            try await AreaRepository(db).insert([
                AreaRecord(code: village2, parentCode: SampleAreas.township, level: "village", name: "幸福社区", createdAt: 0),
                AreaRecord(code: grid2, parentCode: village2, level: "grid", gridKind: "ordinary", name: "幸福社区第1网格",
                           createdAt: 0),
                AreaRecord(code: CaseDesk.outsideTownship, parentCode: SampleAreas.county, level: "township", name: "外镇",
                           createdAt: 0),
                AreaRecord(code: String(outsideVillage), parentCode: CaseDesk.outsideTownship, level: "village", name: "外村",
                           createdAt: 0),
                AreaRecord(code: String(outsideGrid), parentCode: String(outsideVillage), level: "grid", gridKind: "ordinary",
                           name: "外村第1网格", createdAt: 0),
            ])
        }
        await d.platform.atlas.invalidate()
    }

    /// Opens a case; returns its number.
    static func open(
        _ d: CaseDesk, by username: String = "desk", channel: String = "walkIn", urgency: String = "normal",
        grid: String = SampleAreas.grid, category: String? = nil
    ) async throws -> String {
        let categoryField = category.map { #","category":"\#($0)""# } ?? ""
        let response = try await d.post("/api/v1/cases", by: username, body: """
            {"channel":"\(channel)","kind":"dispute","urgency":"\(urgency)","description":"楼上漏水纠纷","gridCode":"\(grid)",
             "contactName":"王芳","contactPhone":"13800138000"\(categoryField)}
            """)
        XCTAssertEqual(response.status, .created, response.text)
        return try XCTUnwrap(try response.json()["number"] as? String)
    }

    /// The numbers on every page of `/api/v1/cases?<query>` with `limit`, in order, and the items.
    static func all(_ d: CaseDesk, _ query: String, by username: String = "disp", limit: Int = 100)
        async throws -> [[String: Any]]
    {
        var items: [[String: Any]] = []
        var cursor: String?
        repeat {
            let uri = "/api/v1/cases?\(query)&limit=\(limit)" + (cursor.map { "&cursor=\($0)" } ?? "")
            let response = try await CaseWorklistRoutesTests.get(d, uri, by: username)
            XCTAssertEqual(response.status, .ok, "\(uri): \(response.text)")
            guard response.status == .ok else { return items }
            let json = try response.json()
            items += json["cases"] as? [[String: Any]] ?? []
            cursor = json["next"] as? String
            XCTAssertLessThan(items.count, 1_000, "paging ends")
        } while cursor != nil && items.count < 1_000
        return items
    }

    static func numbers(_ d: CaseDesk, _ query: String, by username: String = "disp") async throws -> Set<String> {
        Set(try await all(d, query, by: username).compactMap { $0["number"] as? String })
    }

    /// Headers of a browser session (HTML answers).
    static func browser(_ d: CaseDesk, _ username: String) async throws -> HTTPFields {
        var headers = try await d.headers(username)
        headers[.accept] = "text/html"
        return headers
    }
}
