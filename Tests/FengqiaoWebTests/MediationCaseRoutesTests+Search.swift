import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

extension MediationCaseRoutesTests {
    /// The global search finds a mediation by its exact number, for who works mediations, inside the jurisdiction.
    func testTheGlobalSearchFindsAMediationByItsNumber() async throws {
        try await withWorld { client, w in
            let keeper = try await signIn(client, username: "keeper")
            let opening = #"{"specialty":"邻里","facts":"楼上漏水导致楼下受损,协商未果","amountFen":50000,"areaCode":"\#(SampleAreas.grid)","organizationId":\#(w.village.id),"parties":[{"side":"applicant","name":"李明","phone":"13812345678"},{"side":"respondent","name":"赵刚"}]}"#
            let created = try await client.execute(uri: "/api/v1/mediation/cases", method: .post, headers: Self.json(keeper),
                                                   body: ByteBuffer(string: opening))
            XCTAssertEqual(created.status, .created, created.text)
            let number = try XCTUnwrap(try created.json()["number"] as? String)
            func search(_ term: String, as username: String) async throws -> [String: Any] {
                let browser = try await signIn(client, username: username)
                let response = try await client.execute(uri: "/api/v1/search?q=\(term)", method: .get, headers: Self.json(browser))
                XCTAssertEqual(response.status, .ok, response.text)
                return try response.json()
            }
            let found = try await search(number, as: "keeper")
            XCTAssertEqual((found["mediations"] as? [[String: Any]])?.compactMap { $0["number"] as? String }, [number])
            let mediator = try await search(number, as: "med")
            XCTAssertEqual((mediator["mediations"] as? [[String: Any]])?.count, 1)
            let away = try await search(number, as: "away")
            XCTAssertEqual((away["mediations"] as? [[String: Any]])?.count, 0, "outside the jurisdiction")
            let leader = try await search(number, as: "boss")
            XCTAssertNil(leader["mediations"], "a leader neither mediates nor keeps the registry")
            let page = try await client.execute(uri: "/search?q=\(number)", method: .get, headers: keeper.headers)
            XCTAssertTrue(page.text.contains("href=\"/mediation/cases/\(number)\""), page.text)
        }
    }
}
