import FengqiaoServices
import FengqiaoTestSupport
@testable import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// `GET /api/v1/grids`: the grids inside an area of the caller's jurisdiction, keyset-paged in code order.
final class GridListRoutesTests: XCTestCase {
    func testGridsOfAnAreaPageInCodeOrderInsideTheJurisdiction() async throws {
        try await CaseDesk.each { d in
            try await CaseListFixture.addAreas(d)
            func get(_ uri: String, by username: String = "disp") async throws -> TestResponse {
                try await d.client.execute(uri: uri, method: .get, headers: try await d.headers(username))
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await get("/api/v1/grids?limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""))
                XCTAssertEqual(page.status, .ok, page.text)
                let json = try page.json()
                let grids = try XCTUnwrap(json["grids"] as? [[String: Any]])
                XCTAssertTrue(grids.allSatisfy { $0["level"] as? String == "grid" && ($0["name"] as? String)?.isEmpty == false })
                seen += grids.compactMap { $0["code"] as? String }
                cursor = json["next"] as? String
                if let cursor { XCTAssertTrue(cursor.hasPrefix("c1"), cursor) }
            } while cursor != nil && seen.count < 10
            XCTAssertEqual(seen, [SampleAreas.grid, CaseListFixture.grid2], "the township's grids, not the outside one")

            let village = try await get("/api/v1/grids?area=\(CaseListFixture.village2)")
            XCTAssertEqual((try village.json()["grids"] as? [[String: Any]])?.compactMap { $0["code"] as? String },
                           [CaseListFixture.grid2])
            XCTAssertTrue(try village.json()["next"] is NSNull)
            let wider = try await get("/api/v1/grids", by: "cdisp")
            XCTAssertEqual((try wider.json()["grids"] as? [Any])?.count, 3, "the county dispatcher sees the outside grid too")

            let outside = try await get("/api/v1/grids?area=\(CaseDesk.outsideTownship)")
            try APIContractTests.problem(outside, .notFound, code: "not_found")
            for query in ["limit=0", "limit=501", "limit=x", "cursor=\(SampleAreas.grid)", "cursor=\(OpaqueCursor.wrap("nonsense") ?? "")"] {
                let refused = try await get("/api/v1/grids?\(query)")
                try APIContractTests.problem(refused, .unprocessableContent, code: "validation_failed")
            }
            let anonymous = try await d.client.execute(uri: "/api/v1/grids", method: .get)
            try APIContractTests.problem(anonymous, .unauthorized, code: "signed_out")
            let handler = try await get("/api/v1/grids", by: "lead")
            XCTAssertTrue([200, 403].contains(handler.status.code), handler.text)
        }
    }
}
