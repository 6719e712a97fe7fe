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

/// 公告: centre staff write, publish and withdraw notices of their area (audited); residents see on the portal
/// only published notices between their publish day and last day, of the county and the area they chose —
/// on SQLite and PostgreSQL.
final class NoticeRoutesTests: XCTestCase {
    static func form(_ d: CaseDesk, _ uri: String, by username: String, _ body: String) async throws -> TestResponse {
        var headers = try await d.headers(username)
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.accept] = "text/html"
        return try await d.client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func page(_ d: CaseDesk, _ uri: String, by username: String? = nil) async throws -> TestResponse {
        var headers = username == nil ? htmlHeaders : try await d.headers(username ?? "")
        headers[.accept] = "text/html"
        return try await d.client.execute(uri: uri, method: .get, headers: headers)
    }

    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    static func notice(_ title: String, area: String, publish: String, expiry: String = "", now: Bool = true) -> String {
        "title=\(encoded(title))&body=\(encoded("正文第一段\n正文第二段"))&areaCode=\(area)&publishDay=\(publish)&expiryDay=\(expiry)"
            + (now ? "&publish=on" : "")
    }

    static func id(_ d: CaseDesk, title: String) async throws -> Int64 {
        let rows = try await d.platform.database.read { try await NoticeRepository($0).list(prefix: "15", limit: 100) }
        return try XCTUnwrap(rows.first { $0.title == title }?.id)
    }

    func testResidentsSeeOnlyPublishedCurrentNoticesOfTheCountyAndTheirArea() async throws {
        try await CaseDesk.each { d in
            let today = ChinaTime.dayString(d.clock.now())
            let day = { (offset: Double) in ChinaTime.dayString(d.clock.now().addingTimeInterval(offset * 86_400)) }
            let village = SampleAreas.village
            for (title, area, publish, expiry, now) in [
                ("康乐社区停水通知", village, today, "", true), ("九原区防汛公告", SampleAreas.county, today, day(5), true),
                ("草稿公告", village, today, "", false), ("过期公告", village, day(-10), day(-1), true),
                ("明日公告", village, day(1), "", true), ("撤回公告", village, today, "", true),
            ] {
                let made = try await Self.form(d, "/admin/notices", by: title == "九原区防汛公告" ? "boss" : "disp",
                                               Self.notice(title, area: area, publish: publish, expiry: expiry, now: now))
                XCTAssertEqual(made.status, .seeOther, "\(title): \(made.text)")
            }
            let withdrawn = try await Self.form(d, "/admin/notices/\(try await Self.id(d, title: "撤回公告"))/withdraw",
                                                by: "disp", "")
            XCTAssertEqual(withdrawn.status, .seeOther, withdrawn.text)

            let mine = try await Self.page(d, "/portal/notices?area=\(village)")
            XCTAssertEqual(mine.status, .ok)
            XCTAssertTrue(mine.text.contains("康乐社区停水通知"))
            XCTAssertTrue(mine.text.contains("正文第二段"))
            XCTAssertTrue(mine.text.contains("九原区防汛公告"), "the county's notices too")
            for hidden in ["草稿公告", "过期公告", "明日公告", "撤回公告"] {
                XCTAssertFalse(mine.text.contains(hidden), "\(hidden) is not shown")
            }
            let county = try await Self.page(d, "/portal/notices")
            XCTAssertTrue(county.text.contains("九原区防汛公告"))
            XCTAssertFalse(county.text.contains("康乐社区停水通知"), "a village's notice shows to whoever chooses the village")
            let home = try await Self.page(d, "/portal")
            XCTAssertTrue(home.text.contains("九原区防汛公告"))
            // The next day the notice of tomorrow shows.
            d.clock.advance(minutes: 24 * 60)
            let tomorrow = try await Self.page(d, "/portal/notices?area=\(village)")
            XCTAssertTrue(tomorrow.text.contains("明日公告"), tomorrow.text)

            let audit = try await d.platform.database.read { db in
                try await db.select().column("action").from("audit_log").where("object_type", .equal, "notice").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            XCTAssertEqual(audit.filter { $0 == "notice.publish" }.count, 5)
            XCTAssertEqual(audit.filter { $0 == "notice.create" }.count, 1)
            XCTAssertEqual(audit.filter { $0 == "notice.withdraw" }.count, 1)
        }
    }

    func testStaffEditPublishAndWithdrawWithinTheirJurisdictionOnly() async throws {
        try await CaseDesk.each { d in
            let today = ChinaTime.dayString(d.clock.now())
            let made = try await Self.form(d, "/admin/notices", by: "disp",
                                           Self.notice("社区议事会通知", area: SampleAreas.village, publish: today, now: false))
            XCTAssertEqual(made.status, .seeOther, made.text)
            let id = try await Self.id(d, title: "社区议事会通知")
            let list = try await Self.page(d, "/admin/notices", by: "desk")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("社区议事会通知") && list.text.contains("草稿"))
            let edit = try await Self.page(d, "/admin/notices/\(id)", by: "disp")
            XCTAssertEqual(edit.status, .ok)
            let changed = try await Self.form(d, "/admin/notices/\(id)", by: "disp",
                                              Self.notice("社区议事会通知(改期)", area: SampleAreas.village, publish: today, now: false))
            XCTAssertEqual(changed.status, .seeOther, changed.text)
            let published = try await Self.form(d, "/admin/notices/\(id)/publish", by: "disp", "")
            XCTAssertEqual(published.status, .seeOther)
            let again = try await Self.form(d, "/admin/notices/\(id)/publish", by: "disp", "")
            XCTAssertEqual(again.status, .conflict)
            let shown = try await Self.page(d, "/portal/notices?area=\(SampleAreas.village)")
            XCTAssertTrue(shown.text.contains("社区议事会通知(改期)"))

            // Staff of another township: the notice does not exist for them; nor may they write for this area.
            for uri in ["/admin/notices/\(id)"] {
                let other = try await Self.page(d, uri, by: "outsider")
                XCTAssertEqual(other.status, .notFound, uri)
            }
            for uri in ["/admin/notices/\(id)/withdraw", "/admin/notices/\(id)/publish"] {
                let other = try await Self.form(d, uri, by: "outsider", "")
                XCTAssertEqual(other.status, .notFound, uri)
            }
            let otherEdit = try await Self.form(d, "/admin/notices/\(id)", by: "outsider",
                                                Self.notice("篡改", area: SampleAreas.village, publish: today, now: false))
            XCTAssertTrue([.notFound, .unprocessableContent].contains(otherEdit.status), "\(otherEdit.status)")
            let outsideWrite = try await Self.form(d, "/admin/notices", by: "outsider",
                                                   Self.notice("越权公告", area: SampleAreas.village, publish: today))
            XCTAssertEqual(outsideWrite.status, .unprocessableContent)
            XCTAssertTrue(outsideWrite.text.contains("辖区内没有该地区"))
            let outsiderList = try await Self.page(d, "/admin/notices", by: "outsider")
            XCTAssertFalse(outsiderList.text.contains("社区议事会通知"))
            let title = try await d.platform.database.read { try await NoticeRepository($0).find(id: id)?.title }
            XCTAssertEqual(title, "社区议事会通知(改期)", "nothing changed by the outsider")

            // Roles without the duty, and residents, reach no admin page.
            let gridWorker = try await Self.page(d, "/admin/notices", by: "grid")
            XCTAssertEqual(gridWorker.status, .forbidden)
            let handler = try await Self.form(d, "/admin/notices/\(id)/withdraw", by: "lead", "")
            XCTAssertEqual(handler.status, .forbidden)
            let resident = try await Self.page(d, "/admin/notices")
            XCTAssertTrue([.unauthorized, .seeOther, .found].contains(resident.status), "\(resident.status)")
            XCTAssertFalse(resident.text.contains("社区议事会通知"))
            let residentPost = try await d.client.execute(uri: "/admin/notices/\(id)/withdraw", method: .post,
                                                          headers: [.contentType: "application/x-www-form-urlencoded"])
            XCTAssertTrue([.unauthorized, .forbidden, .seeOther].contains(residentPost.status), "\(residentPost.status)")

            // Withdrawn, it disappears from the portal.
            let withdrawn = try await Self.form(d, "/admin/notices/\(id)/withdraw", by: "desk", "")
            XCTAssertEqual(withdrawn.status, .seeOther)
            let gone = try await Self.page(d, "/portal/notices?area=\(SampleAreas.village)")
            XCTAssertFalse(gone.text.contains("社区议事会通知"))
        }
    }

    func testTheNoticeFormRefusesMissingFieldsAndAnExpiryBeforeThePublishDay() async throws {
        try await CaseDesk.each { d in
            let missing = try await Self.form(d, "/admin/notices", by: "disp", "title=&body=&areaCode=&publishDay=&expiryDay=")
            XCTAssertEqual(missing.status, .unprocessableContent)
            for message in ["请填写标题", "请填写正文", "请选择公告的地区", "请填写发布日期"] {
                XCTAssertTrue(missing.text.contains(message), message)
            }
            let backwards = try await Self.form(d, "/admin/notices", by: "disp",
                                                Self.notice("倒序", area: SampleAreas.village, publish: "2026-05-02", expiry: "2026-05-01"))
            XCTAssertEqual(backwards.status, .unprocessableContent)
            XCTAssertTrue(backwards.text.contains("截止日期不能早于发布日期"))
            let unknownArea = try await Self.form(d, "/admin/notices", by: "disp",
                                                  Self.notice("无此地区", area: "150207001099", publish: "2026-05-02"))
            XCTAssertTrue(unknownArea.text.contains("辖区内没有该地区"))
            let badDay = try await Self.form(d, "/admin/notices", by: "disp",
                                             Self.notice("坏日期", area: SampleAreas.village, publish: "明天"))
            XCTAssertTrue(badDay.text.contains("发布日期格式不正确"))
            let count = try await d.platform.database.read { try await NoticeRepository($0).list(prefix: "15", limit: 10).count }
            XCTAssertEqual(count, 0, "nothing half-written")
            let unknownID = try await Self.page(d, "/admin/notices/999999", by: "disp")
            XCTAssertEqual(unknownID.status, .notFound)
            let notANumber = try await Self.page(d, "/admin/notices/abc", by: "disp")
            XCTAssertEqual(notANumber.status, .notFound)
        }
    }
}
