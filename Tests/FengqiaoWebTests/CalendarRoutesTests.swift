import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class CalendarRoutesTests: XCTestCase {
    static func json(_ value: HolidaySchedule) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
    }

    static let schedule2027 = #"""
        {"year":2027,"holidays":[
          {"name":"元旦","firstDay":"2027-01-01","lastDay":"2027-01-03","makeUpWorkdays":[]},
          {"name":"春节","firstDay":"2027-02-06","lastDay":"2027-02-13","makeUpWorkdays":["2027-02-20"]}],
         "source":{"title":"测试用2027年节假日安排","text":"仅供测试"}}
        """#

    static func multipart(_ browser: SignedInBrowser, _ fields: [(name: String, filename: String?, value: String)])
        -> (HTTPFields, ByteBuffer)
    {
        let boundary = "CalendarBoundary"
        var body = ""
        for field in [("_csrf", nil, browser.csrf)] + fields {
            let disposition = field.1.map { #"form-data; name="\#(field.0)"; filename="\#($0)""# }
                ?? #"form-data; name="\#(field.0)""#
            body += "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n\r\n\(field.2)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return ([.cookie: browser.cookie, .accept: "text/html", .contentType: "multipart/form-data; boundary=\(boundary)"],
                ByteBuffer(string: body))
    }

    func testThePageListsTheYearsAndTakesAPastedOrUploadedYear() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("sys", role: .systemAdmin, in: platform.database)
            let admin = try await signIn(client, username: "sys")
            let page = try await client.execute(uri: "/admin/calendar", method: .get, headers: admin.headers)
            XCTAssertEqual(page.status, .ok)
            for text in ["2026年", "2025年", "国务院办公厅关于2026年部分节假日安排的通知", "国办发明电〔2024〕12号",
                         "2026-02-14(周六)", "内置(官方通知)", "2027年的节假日安排尚未录入", "往年(2026年以前)"] {
                XCTAssertTrue(page.text.contains(text), text)
            }
            XCTAssertFalse(page.text.contains("<script"))
            XCTAssertTrue(page.text.contains(#"enctype="multipart/form-data""#))

            // An uploaded file.
            let (headers, body) = Self.multipart(admin, [("schedule", nil, ""), ("file", "2027.json", Self.schedule2027)])
            let uploaded = try await client.execute(uri: "/admin/calendar", method: .post, headers: headers, body: body)
            XCTAssertEqual(uploaded.status, .seeOther, uploaded.text)
            XCTAssertEqual(uploaded.headers[.location], "/admin/calendar?saved=2027")
            let after = try await client.execute(uri: "/admin/calendar?saved=2027", method: .get, headers: admin.headers)
            XCTAssertTrue(after.text.contains("2027年的节假日安排已生效"))
            XCTAssertTrue(after.text.contains("管理员录入"))
            XCTAssertFalse(after.text.contains("2027年的节假日安排尚未录入"))
            let calendar = try await platform.businessCalendar()
            XCTAssertFalse(calendar.isWorkingDay(CivilDate("2027-02-08")!))

            // Pasted text, in a plain form too.
            var edited = HolidaySchedule.official2026
            edited.source.title = "改过的2026年安排"
            let pasted = try await client.execute(
                uri: "/admin/calendar", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&schedule=" + (Self.json(edited)
                    .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))
            XCTAssertEqual(pasted.status, .seeOther, pasted.text)
            let years = try await HolidayCalendar(platform: platform).years(caller: CaseCategoryRoutesTests.admin)
            XCTAssertEqual(years.map(\.schedule.source.title), ["国务院办公厅关于2025年部分节假日安排的通知", "改过的2026年安排",
                                                             "测试用2027年节假日安排"])

            // Rejections keep the text and say what is wrong, in Chinese.
            for (text, message) in [
                ("{\"year\":2027", "内容不是有效的 JSON"),
                ("", "请粘贴节假日安排的 JSON"),
                (Self.json(.official2025), "2025年已经过去,不能再修改"),
                (Self.schedule2027.replacingOccurrences(of: "2027-02-20", with: "2027-02-22"), "调休上班日须为周六或周日"),
                (Self.schedule2027.replacingOccurrences(of: "2027-02-20", with: "2027-02-30"), "日期须为yyyy-MM-dd格式的真实日期"),
                (Self.schedule2027.replacingOccurrences(of: #""title":"测试用2027年节假日安排","#, with: ""), "缺少字段 source.title"),
            ] {
                let (headers, body) = Self.multipart(admin, [("schedule", nil, text)])
                let response = try await client.execute(uri: "/admin/calendar", method: .post, headers: headers, body: body)
                XCTAssertEqual(response.status, .unprocessableContent, message)
                XCTAssertTrue(response.text.contains(message), "\(message): \(response.text.suffix(3000))")
            }
            let kept = try await client.execute(uri: "/admin/calendar", method: .post,
                                                headers: Self.multipart(admin, [("schedule", nil, "{\"year\":2027")]).0,
                                                body: Self.multipart(admin, [("schedule", nil, "{\"year\":2027")]).1)
            XCTAssertTrue(kept.text.contains("{&quot;year&quot;:2027</textarea>"), "the text is kept for correcting")
            let saves = try await platform.database.read {
                try await AuditRepository($0, kind: platform.database.kind).latest(action: "holiday_schedule.save", limit: 10)
            }
            XCTAssertEqual(saves.map(\.objectId), ["2026", "2027"])
        }
    }

    func testTheJSONAPI() async throws {
        try await withTestClient { client, platform in
            try await TestAccounts.create("sys", role: .systemAdmin, in: platform.database)
            try await TestAccounts.create("disp", role: .dispatcher, in: platform.database)
            try await TestAccounts.create("aud", role: .auditor, in: platform.database)
            let admin = try await signIn(client, username: "sys")
            let dispatcher = try await signIn(client, username: "disp")
            let auditor = try await signIn(client, username: "aud")

            let put = try await client.execute(
                uri: "/api/v1/calendar/2027", method: .put, headers: CaseCategoryRoutesTests.json(admin),
                body: ByteBuffer(string: Self.schedule2027))
            XCTAssertEqual(put.status, .ok, put.text)
            let saved = try put.json()
            XCTAssertEqual(saved["year"] as? Int, 2027)
            XCTAssertEqual(saved["edited"] as? Bool, true)
            XCTAssertEqual(saved["builtIn"] as? Bool, false)
            XCTAssertEqual(saved["holidayDays"] as? Int, 11)

            let list = try await client.execute(uri: "/api/v1/calendar", method: .get, headers: CaseCategoryRoutesTests.json(dispatcher))
            XCTAssertEqual(list.status, .ok)
            let years = try XCTUnwrap(try list.json()["years"] as? [[String: Any]])
            XCTAssertEqual(years.compactMap { $0["year"] as? Int }, [2025, 2026, 2027])
            XCTAssertEqual(years.first?["documentNumber"] as? String, "国办发明电〔2024〕12号")
            XCTAssertEqual(years.first?["origin"] as? String, "内置(官方通知)")

            let one = try await client.execute(uri: "/api/v1/calendar/2026", method: .get, headers: CaseCategoryRoutesTests.json(dispatcher))
            XCTAssertEqual(one.status, .ok)
            let decoded = try JSONDecoder().decode(HolidaySchedule.self, from: Data(one.text.utf8))
            XCTAssertEqual(decoded, .official2026, "what GET returns, PUT takes")
            let none = try await client.execute(uri: "/api/v1/calendar/2031", method: .get, headers: CaseCategoryRoutesTests.json(admin))
            XCTAssertEqual(none.status, .notFound)
            let notYear = try await client.execute(uri: "/api/v1/calendar/next", method: .get, headers: CaseCategoryRoutesTests.json(admin))
            XCTAssertEqual(notYear.status, .notFound)

            let mismatch = try await client.execute(
                uri: "/api/v1/calendar/2028", method: .put, headers: CaseCategoryRoutesTests.json(admin),
                body: ByteBuffer(string: Self.schedule2027))
            XCTAssertEqual(mismatch.status, .unprocessableContent)
            XCTAssertEqual((try mismatch.json()["errors"] as? [[String: Any]])?.first?["code"] as? String, "mismatch")
            let past = try await client.execute(
                uri: "/api/v1/calendar/2025", method: .put, headers: CaseCategoryRoutesTests.json(admin),
                body: ByteBuffer(string: Self.json(.official2025)))
            XCTAssertEqual(past.status, .unprocessableContent)
            XCTAssertEqual((try past.json()["errors"] as? [[String: Any]])?.first?["code"] as? String, "past_year")
            let malformed = try await client.execute(
                uri: "/api/v1/calendar/2027", method: .put, headers: CaseCategoryRoutesTests.json(admin),
                body: ByteBuffer(string: #"{"year":2027}"#))
            XCTAssertEqual(malformed.status, .badRequest)

            let forbidden = try await client.execute(
                uri: "/api/v1/calendar/2027", method: .put, headers: CaseCategoryRoutesTests.json(dispatcher),
                body: ByteBuffer(string: Self.schedule2027))
            XCTAssertEqual(forbidden.status, .forbidden)
            let auditorList = try await client.execute(uri: "/api/v1/calendar", method: .get, headers: CaseCategoryRoutesTests.json(auditor))
            XCTAssertEqual(auditorList.status, .forbidden)
            let page = try await client.execute(uri: "/admin/calendar", method: .get, headers: dispatcher.headers)
            XCTAssertEqual(page.status, .forbidden)
            let anonymous = try await client.execute(uri: "/api/v1/calendar", method: .get, headers: [.accept: "application/json"])
            XCTAssertEqual(anonymous.status, .unauthorized)
        }
    }
}
