import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The mediation JSON API through the router: roles, jurisdiction (404 outside), field errors and masked phones.
final class MediationRoutesTests: XCTestCase {
    static func json(_ browser: SignedInBrowser) -> HTTPFields {
        [.cookie: browser.cookie, .csrfHeader: browser.csrf, .contentType: "application/json", .accept: "application/json"]
    }

    func testTheRegistryThroughTheAPI() async throws {
        try await withTestClient { client, platform in
            try await CameraFixture.insertTownshipB(into: platform.database)
            try await TestAccounts.create("keeper", role: .mediator, area: SampleAreas.township, in: platform.database)
            try await TestAccounts.create("away", role: .mediator, area: CameraFixture.townshipB, in: platform.database)
            try await TestAccounts.create("boss", role: .leader, area: SampleAreas.county, in: platform.database)
            let keeper = try await signIn(client, username: "keeper")
            let away = try await signIn(client, username: "away")
            let boss = try await signIn(client, username: "boss")

            let created = try await client.execute(
                uri: "/api/v1/mediation/organizations", method: .post, headers: Self.json(keeper),
                body: ByteBuffer(string: #"{"areaCode":"\#(SampleAreas.village)","kind":"个人调解工作室","name":"和事佬工作室","phone":"13800001111"}"#))
            XCTAssertEqual(created.status, .created, created.text)
            XCTAssertTrue(created.text.contains("138****1111") && !created.text.contains("13800001111"), created.text)
            let id = try XCTUnwrap(try created.json()["id"] as? Int)

            let refused = try await client.execute(
                uri: "/api/v1/mediation/organizations", method: .post, headers: Self.json(keeper),
                body: ByteBuffer(string: #"{"areaCode":"\#(SampleAreas.village)","kind":"法院","name":"","phone":"1"}"#))
            XCTAssertEqual(refused.status, .unprocessableContent, refused.text)
            XCTAssertTrue(refused.text.contains(#""field":"kind""#) && refused.text.contains(#""field":"name""#)
                          && refused.text.contains(#""field":"phone""#), refused.text)

            let forbidden = try await client.execute(
                uri: "/api/v1/mediation/organizations", method: .post, headers: Self.json(boss),
                body: ByteBuffer(string: #"{"areaCode":"\#(SampleAreas.village)","kind":"arbitration","name":"仲裁院"}"#))
            XCTAssertEqual(forbidden.status, .forbidden)

            let outsideEdit = try await client.execute(
                uri: "/api/v1/mediation/organizations/\(id)", method: .post, headers: Self.json(away),
                body: ByteBuffer(string: #"{"areaCode":"\#(CameraFixture.villageB)","kind":"arbitration","name":"x"}"#))
            XCTAssertEqual(outsideEdit.status, .notFound)

            let mediator = try await client.execute(
                uri: "/api/v1/mediation/mediators", method: .post, headers: Self.json(keeper),
                body: ByteBuffer(string: #"{"organizationId":\#(id),"name":"巴特尔","phone":"13900002222","specialties":["邻里"],"languages":["蒙古语"]}"#))
            XCTAssertEqual(mediator.status, .created, mediator.text)
            XCTAssertTrue(mediator.text.contains("139****2222") && !mediator.text.contains("13900002222"))
            let mediatorID = try XCTUnwrap(try mediator.json()["id"] as? Int)
            let outsideMediator = try await client.execute(
                uri: "/api/v1/mediation/mediators", method: .post, headers: Self.json(away),
                body: ByteBuffer(string: #"{"organizationId":\#(id),"name":"外人","specialties":["邻里"]}"#))
            XCTAssertEqual(outsideMediator.status, .unprocessableContent)
            XCTAssertTrue(outsideMediator.text.contains(#""field":"organizationId""#), outsideMediator.text)
            let outsideMediatorEdit = try await client.execute(
                uri: "/api/v1/mediation/mediators/\(mediatorID)", method: .post, headers: Self.json(away),
                body: ByteBuffer(string: #"{"name":"外人","specialties":["邻里"]}"#))
            XCTAssertEqual(outsideMediatorEdit.status, .notFound)
            let retire = try await client.execute(
                uri: "/api/v1/mediation/mediators/\(mediatorID)", method: .post, headers: Self.json(keeper),
                body: ByteBuffer(string: #"{"name":"巴特尔","specialties":["邻里"],"availability":"busy"}"#))
            XCTAssertEqual(retire.status, .ok, retire.text)

            let list = try await client.execute(uri: "/api/v1/mediation/mediators", method: .get, headers: Self.json(boss))
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("巴特尔") && list.text.contains("139****2222"), list.text)
            let awayList = try await client.execute(uri: "/api/v1/mediation/organizations", method: .get, headers: Self.json(away))
            XCTAssertFalse(awayList.text.contains("和事佬"), awayList.text)

            let none = try await client.execute(
                uri: "/api/v1/mediation/suggestions?specialty=邻里&area=\(SampleAreas.grid)", method: .get, headers: Self.json(boss))
            XCTAssertEqual(none.status, .ok, none.text)
            XCTAssertTrue(none.text.contains(#""suggestions":[]"#), "a busy mediator is not suggested: \(none.text)")
            _ = try await client.execute(
                uri: "/api/v1/mediation/mediators/\(mediatorID)", method: .post, headers: Self.json(keeper),
                body: ByteBuffer(string: #"{"name":"巴特尔","specialties":["邻里"],"languages":["蒙古语"],"availability":"available"}"#))
            let some = try await client.execute(
                uri: "/api/v1/mediation/suggestions?specialty=neighbour&area=\(SampleAreas.grid)&language=mongolian",
                method: .get, headers: Self.json(boss))
            XCTAssertTrue(some.text.contains("巴特尔") && some.text.contains(#""loadKnown":true"#), some.text)
            let outside = try await client.execute(
                uri: "/api/v1/mediation/suggestions?specialty=neighbour&area=\(SampleAreas.village)", method: .get, headers: Self.json(away))
            XCTAssertEqual(outside.status, .notFound)
            let bad = try await client.execute(uri: "/api/v1/mediation/suggestions?area=1", method: .get, headers: Self.json(boss))
            XCTAssertEqual(bad.status, .unprocessableContent)
        }
    }

    func testTheOrganisationsPage() async throws {
        try await withTestClient { client, platform in
            try await CameraFixture.insertTownshipB(into: platform.database)
            try await TestAccounts.create("keeper", role: .dispatcher, area: SampleAreas.township, in: platform.database)
            try await TestAccounts.create("away", role: .dispatcher, area: CameraFixture.townshipB, in: platform.database)
            try await TestAccounts.create("boss", role: .leader, area: SampleAreas.county, in: platform.database)
            let keeper = try await signIn(client, username: "keeper")
            let away = try await signIn(client, username: "away")
            let boss = try await signIn(client, username: "boss")

            let empty = try await client.execute(uri: "/mediation/organizations", method: .get, headers: keeper.headers)
            XCTAssertEqual(empty.status, .ok)
            XCTAssertTrue(empty.text.contains(#"name="_csrf" value="\#(keeper.csrf)""#) && empty.text.contains("登记调解组织"))
            XCTAssertFalse(empty.text.contains("<script>") || empty.text.contains("onclick="))

            let noToken = try await client.execute(
                uri: "/mediation/organizations", method: .post, headers: keeper.formHeaders(),
                body: ByteBuffer(string: "areaCode=\(SampleAreas.village)&kind=villageCommittee&name=x"))
            XCTAssertEqual(noToken.status, .forbidden, "the CSRF token is required")

            let invalid = try await client.execute(
                uri: "/mediation/organizations", method: .post, headers: keeper.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(keeper.csrf)&areaCode=\(SampleAreas.village)&kind=court&name=&phone=1"))
            XCTAssertEqual(invalid.status, .unprocessableContent)
            XCTAssertTrue(invalid.text.contains("没有这种调解组织类型") && invalid.text.contains("请填写组织名称"), invalid.text)

            let created = try await client.execute(
                uri: "/mediation/organizations", method: .post, headers: keeper.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(keeper.csrf)&areaCode=\(SampleAreas.village)&kind=personalStudio&name=%E5%92%8C%E4%BA%8B%E4%BD%AC&phone=13800001111"))
            XCTAssertEqual(created.status, .seeOther, created.text)
            let list = try await client.execute(uri: "/mediation/organizations", method: .get, headers: boss.headers)
            XCTAssertTrue(list.text.contains("和事佬") && list.text.contains("138****1111") && !list.text.contains("13800001111"))
            XCTAssertFalse(list.text.contains("登记调解组织"), "a leader reads without the forms")
            let keeperPage = try await client.execute(uri: "/mediation/organizations", method: .get, headers: keeper.headers)
            let id = try XCTUnwrap(firstMatch(#"action="/mediation/organizations/(\d+)""#, in: keeperPage.text))

            let retired = try await client.execute(
                uri: "/mediation/organizations/\(id)", method: .post, headers: keeper.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(keeper.csrf)&areaCode=\(SampleAreas.village)&kind=personalStudio&name=%E5%92%8C%E4%BA%8B%E4%BD%AC"))
            XCTAssertEqual(retired.status, .seeOther)
            let after = try await MediationRegistry(platform: platform).organizations(
                caller: CameraFixture.person(.leader, SampleAreas.county))
            XCTAssertEqual(after.map(\.active), [false])
            XCTAssertEqual(after.map(\.phone), ["138****1111"])

            let outside = try await client.execute(
                uri: "/mediation/organizations/\(id)", method: .post, headers: away.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(away.csrf)&areaCode=\(CameraFixture.villageB)&kind=arbitration&name=x&active=on"))
            XCTAssertEqual(outside.status, .notFound)
            let forbidden = try await client.execute(
                uri: "/mediation/organizations", method: .post, headers: boss.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(boss.csrf)&areaCode=\(SampleAreas.village)&kind=arbitration&name=x"))
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }
}
