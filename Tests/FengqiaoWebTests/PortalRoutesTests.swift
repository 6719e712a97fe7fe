import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// The residents' portal without an account: the home page and its links, the public grid cards, and the
/// legal services page whose appointment becomes a case for the legal services desk — on SQLite and PostgreSQL.
final class PortalRoutesTests: XCTestCase {
    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "text/html"]

    func testThePortalHomeOffersTheFiveServicesAndIsLinkedFromTheHomeAndLoginPages() async throws {
        try await ReportClient.run { r in
            let page = try await r.client.execute(uri: "/portal", method: .get, headers: htmlHeaders)
            XCTAssertEqual(page.status, .ok)
            for (href, label) in [("/report", "我要反映"), ("/track", "查询进度"), ("/portal/grid", "网格员"),
                                  ("/portal/notices", "公告"), ("/portal/legal", "法律服务")] {
                XCTAssertTrue(page.text.contains(#"href="\#(href)""#), href)
                XCTAssertTrue(page.text.contains(label), label)
            }
            XCTAssertFalse(page.text.contains("<script"), "no script needed")
            for uri in ["/", "/login"] {
                let other = try await r.client.execute(uri: uri, method: .get, headers: htmlHeaders)
                XCTAssertTrue(other.text.contains(#"href="/portal""#), uri)
            }
        }
    }

    func testAResidentFindsTheGridCardByChoosingOrByAddressAndSeesNoPersonalPhone() async throws {
        try await CaseDesk.each { d in
            try await d.platform.database.write { db in
                guard let boss = try await AccountRepository(db).find(username: "grid")?.id else { return }
                let sealed = try d.platform.cipher.seal("13912345678")
                try await db.update("accounts").set("phone_cipher", to: sealed).set("display_name", to: "刘网格")
                    .where("id", .equal, boss).run()
            }
            let leaderID = try await d.platform.database.read { try await AccountRepository($0).find(username: "boss")?.id }
            let leader = Caller(staff: Staff(accountID: try XCTUnwrap(leaderID), username: "boss", displayName: "领导",
                                             role: .leader, jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                                ip: "test")
            try await GridPostAdministration(platform: d.platform).assign(.fullTime, gridCode: SampleAreas.grid,
                                                                          username: "grid", caller: leader)

            let start = try await d.client.execute(uri: "/portal/grid", method: .get, headers: htmlHeaders)
            XCTAssertEqual(start.status, .ok)
            XCTAssertTrue(start.text.contains("沙河街道"))
            let villages = try await d.client.execute(uri: "/portal/grid?township=\(SampleAreas.township)", method: .get,
                                                      headers: htmlHeaders)
            XCTAssertTrue(villages.text.contains("康乐社区"))
            let grids = try await d.client.execute(
                uri: "/portal/grid?township=\(SampleAreas.township)&village=\(SampleAreas.village)", method: .get,
                headers: htmlHeaders)
            XCTAssertTrue(grids.text.contains("grid=\(SampleAreas.grid)"), grids.text)
            let card = try await d.client.execute(uri: "/portal/grid?grid=\(SampleAreas.grid)", method: .get,
                                                  headers: htmlHeaders)
            XCTAssertEqual(card.status, .ok)
            XCTAssertTrue(card.text.contains("康乐社区第1网格"))
            XCTAssertTrue(card.text.contains("专职网格员"))
            XCTAssertTrue(card.text.contains("刘网格"))
            XCTAssertTrue(card.text.contains("/report?grid=\(SampleAreas.grid)"))
            for secret in ["13912345678", "139****5678", "grid@", ">grid<"] {
                XCTAssertFalse(card.text.contains(secret), "no \(secret) on the public card")
            }
            // The work phone that staffing marks public shows; nothing else.
            var headers = try await d.headers("boss")
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.accept] = "text/html"
            let gridID = try await d.platform.database.read { try await AccountRepository($0).find(username: "grid")?.id }
            func setPhone(_ phone: String, by who: HTTPFields) async throws -> TestResponse {
                try await d.client.execute(uri: "/areas/\(SampleAreas.grid)/public-card", method: .post, headers: who,
                                           body: ByteBuffer(string: "post=fullTime&accountId=\(gridID ?? 0)&phone=\(phone)"))
            }
            let bad = try await setPhone("12345", by: headers)
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("公开工作电话格式不正确"), bad.text)
            var workerHeaders = try await d.headers("grid")
            workerHeaders[.contentType] = "application/x-www-form-urlencoded"
            let notStaffing = try await setPhone("13800001111", by: workerHeaders)
            XCTAssertEqual(notStaffing.status, .forbidden)
            let set = try await setPhone("13800001111", by: headers)
            XCTAssertEqual(set.status, .seeOther, set.text)
            let editor = try await d.client.execute(uri: "/areas/\(SampleAreas.grid)/public-card", method: .get, headers: headers)
            XCTAssertTrue(editor.text.contains(#"value="13800001111""#), editor.text)
            let withPhone = try await d.client.execute(uri: "/portal/grid?grid=\(SampleAreas.grid)", method: .get,
                                                       headers: htmlHeaders)
            XCTAssertTrue(withPhone.text.contains("tel:13800001111"), withPhone.text)
            XCTAssertFalse(withPhone.text.contains("13912345678"))
            let cleared = try await setPhone("", by: headers)
            XCTAssertEqual(cleared.status, .seeOther)
            let withoutPhone = try await d.client.execute(uri: "/portal/grid?grid=\(SampleAreas.grid)", method: .get,
                                                          headers: htmlHeaders)
            XCTAssertFalse(withoutPhone.text.contains("13800001111"))
            let audit = try await d.platform.database.read { db in
                try await db.select().column("id").from("audit_log").where("action", .equal, "grid_post.public_phone").all().count
            }
            XCTAssertEqual(audit, 2)
            // By address: the grid named in the address.
            let byAddress = try await d.client.execute(
                uri: "/portal/grid?address=" + ("沙河街道康乐社区第1网格".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                method: .get, headers: htmlHeaders)
            XCTAssertTrue(byAddress.text.contains("刘网格"), byAddress.text)
            let nowhere = try await d.client.execute(
                uri: "/portal/grid?address=" + ("火星基地".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                method: .get, headers: htmlHeaders)
            XCTAssertTrue(nowhere.text.contains("没有找到这个地址"), nowhere.text)
            // A code that is no grid.
            for code in ["150207001001999", SampleAreas.village, "x"] {
                let unknown = try await d.client.execute(uri: "/portal/grid?grid=\(code)", method: .get, headers: htmlHeaders)
                XCTAssertEqual(unknown.status, .notFound, code)
                XCTAssertTrue(unknown.text.contains("没有这个网格"))
            }
        }
    }

    /// Loads the legal services page and posts `fields` through it (`times` times: a resent form).
    static func book(_ r: ReportClient, _ fields: String, token: String? = nil, times: Int = 1) async throws -> TestResponse {
        let page = try await r.client.execute(uri: "/portal/legal", method: .get, headers: htmlHeaders)
        XCTAssertEqual(page.status, .ok)
        let issued = try XCTUnwrap(cookieValue(LegalCookie.name, in: page))
        let formID = try XCTUnwrap(firstMatch(#"name="formId" value="([^"]+)""#, in: page.text))
        var headers = formHeaders
        headers[.cookie] = "\(LegalCookie.name)=\(token ?? issued)"
        var response: TestResponse?
        for _ in 0..<times {
            response = try await r.client.execute(uri: "/portal/legal", method: .post, headers: headers,
                                                  body: ByteBuffer(string: "_csrf=\(issued)&formId=\(formID)&" + fields))
        }
        return try XCTUnwrap(response)
    }

    enum LegalCookie { static let name = "fq_legal_csrf" }

    static func day(_ r: ReportClient, plus days: Double) -> String {
        ChinaTime.dayString(r.platform.clock.now().addingTimeInterval(days * 86_400))
    }

    func testALegalServicesAppointmentBecomesACaseForTheDeskWithATrackingCode() async throws {
        try await ReportClient.run(each: true) { r in
            let page = try await r.client.execute(uri: "/portal/legal", method: .get, headers: htmlHeaders)
            for words in ["法律援助", "公证服务", "律师咨询", "康乐社区", "沙河街道"] { XCTAssertTrue(page.text.contains(words), words) }
            let day = Self.day(r, plus: 3)
            let booked = try await Self.book(r, "service=legalAid&name=%E5%BC%A0%E4%B8%89&phone=13812345678&preferredDay=\(day)&matter=%E8%A2%AB%E6%8B%96%E6%AC%A0%E5%B7%A5%E8%B5%84%E4%B8%89%E4%B8%AA%E6%9C%88&areaCode=\(SampleAreas.village)")
            XCTAssertEqual(booked.status, .created, booked.text)
            XCTAssertTrue(booked.text.contains("已收到您的预约"))
            let stored = try await r.filedCase(from: booked)
            XCTAssertEqual(stored.channel, "web")
            XCTAssertEqual(stored.kind, "livelihood")
            XCTAssertEqual(stored.category, "法律援助")
            XCTAssertEqual(stored.areaCode, SampleAreas.village)
            XCTAssertEqual(stored.contactName, "张三")
            XCTAssertTrue(stored.description.contains("被拖欠工资三个月") && stored.description.contains(day), stored.description)
            // The resident follows it by its tracking code.
            let code = try XCTUnwrap(firstMatch(#"track\?code=([A-Z0-9-]+)"#, in: booked.text))
            let track = try await r.client.execute(uri: "/track?code=\(code)", method: .get, headers: htmlHeaders)
            XCTAssertEqual(track.status, .ok)
            XCTAssertTrue(track.text.contains("法律援助"))
            XCTAssertFalse(track.text.contains("张三"))
            // A grid is filed on the grid.
            let onGrid = try await Self.book(r, "service=notary&name=%E6%9D%8E%E5%9B%9B&phone=13812345679&preferredDay=\(day)&matter=%E7%BB%A7%E6%89%BF%E6%88%BF%E4%BA%A7%E5%85%AC%E8%AF%81&areaCode=\(SampleAreas.grid)")
            XCTAssertEqual(onGrid.status, .created, onGrid.text)
            let gridCase = try await r.filedCase(from: onGrid)
            XCTAssertEqual(gridCase.gridCode, SampleAreas.grid)
            XCTAssertEqual(gridCase.category, "公证服务")
            // The same form sent twice files one case; a new form files another.
            let twice = try await Self.book(r, "service=lawyerConsultation&name=%E7%8E%8B%E4%BA%94&phone=13812345670&preferredDay=\(day)&matter=%E5%90%88%E5%90%8C%E7%BA%A0%E7%BA%B7%E5%92%A8%E8%AF%A2&areaCode=\(SampleAreas.village)", times: 2)
            XCTAssertEqual(twice.status, .ok, "the resent form answers the first receipt")
            let count = try await r.caseCount()
            XCTAssertEqual(count, 3)
        }
    }

    func testTheAppointmentFormRefusesBadInputForgedPostsAndFloods() async throws {
        try await ReportClient.run(each: true) { r in
            let day = Self.day(r, plus: 2)
            let matter = "matter=%E5%92%A8%E8%AF%A2%E7%A6%BB%E5%A9%9A%E8%B4%A2%E4%BA%A7%E5%88%86%E5%89%B2"
            let missing = try await Self.book(r, "service=&name=&phone=&preferredDay=&matter=&areaCode=")
            XCTAssertEqual(missing.status, .unprocessableContent)
            for message in ["请选择服务项目", "请填写姓名", "请填写联系电话", "请填写希望办理日期", "请填写事项简述", "请选择所在乡镇(街道)或村(社区)"] {
                XCTAssertTrue(missing.text.contains(message), "\(message): \(missing.text)")
            }
            let badPhone = try await Self.book(r, "service=legalAid&name=%E5%BC%A0&phone=12345&preferredDay=\(day)&\(matter)&areaCode=\(SampleAreas.village)")
            XCTAssertEqual(badPhone.status, .unprocessableContent)
            XCTAssertTrue(badPhone.text.contains("联系电话格式不正确"), badPhone.text)
            XCTAssertTrue(badPhone.text.contains(#"data-code="invalid_format""#), badPhone.text)
            let unknownArea = try await Self.book(r, "service=legalAid&name=%E5%BC%A0&phone=13812345678&preferredDay=\(day)&\(matter)&areaCode=150207001099")
            XCTAssertEqual(unknownArea.status, .unprocessableContent)
            XCTAssertTrue(unknownArea.text.contains("所在地区不存在"), unknownArea.text)
            let badService = try await Self.book(r, "service=divorce&name=%E5%BC%A0&phone=13812345678&preferredDay=\(day)&\(matter)&areaCode=\(SampleAreas.village)")
            XCTAssertTrue(badService.text.contains("服务项目不在可选范围内"))
            let past = try await Self.book(r, "service=legalAid&name=%E5%BC%A0&phone=13812345678&preferredDay=2020-01-01&\(matter)&areaCode=\(SampleAreas.village)")
            XCTAssertTrue(past.text.contains("希望办理日期应在今天到60天之内"))
            let forged = try await Self.book(r, "service=legalAid&name=%E5%BC%A0&phone=13812345678&preferredDay=\(day)&\(matter)&areaCode=\(SampleAreas.village)",
                                             token: "other")
            XCTAssertEqual(forged.status, .forbidden)
            let count = try await r.caseCount()
            XCTAssertEqual(count, 0, "nothing filed")
        }
        let limits = ReportLimits(perAddress: RateLimit(count: 1, window: 3600), perPhone: nil)
        try await ReportClient.run(limits: limits) { r in
            let day = Self.day(r, plus: 2)
            let fields = "service=lawyerConsultation&name=%E5%BC%A0&phone=13812345678&preferredDay=\(day)&matter=%E5%92%A8%E8%AF%A2%E5%90%88%E5%90%8C%E7%BA%A0%E7%BA%B7&areaCode=\(SampleAreas.village)"
            let first = try await Self.book(r, fields)
            XCTAssertEqual(first.status, .created, first.text)
            let second = try await Self.book(r, fields)
            XCTAssertEqual(second.status, .tooManyRequests)
            XCTAssertTrue(second.text.contains("提交过于频繁"))
            XCTAssertTrue(second.text.contains(#"data-code="rate_limited""#))
            XCTAssertNotNil(second.headers[.retryAfter])
        }
    }
}
