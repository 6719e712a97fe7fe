import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import XCTest

/// `POST /api/v1/grid-reports` on SQLite and PostgreSQL: a grid worker's report placed on their own grid,
/// with photos, optionally resolved on the spot in the same call; every rejection leaves nothing behind.
final class GridReportRoutesTests: XCTestCase {
    typealias F = IntakeFixture

    static let point = SampleAreas.pointInGrid

    static func json(_ lat: Double = point.latitude, _ lon: Double = point.longitude, extra: String = "") -> String {
        #"{"latitude":\#(lat),"longitude":\#(lon),"category":"safetyHazard.fireLaneBlocked","urgency":"urgent","#
            + #""description":"三号楼消防通道被杂物堵塞","address":"康乐小区3号楼"\#(extra)}"#
    }

    func testAReportIsFiledOnTheWorkersGridAsAGridReport() async throws {
        try await F.each { f in
            let response = try await f.postJSON("/api/v1/grid-reports", as: "grid", Self.json())
            XCTAssertEqual(response.status, .created, response.text)
            let json = try response.json()
            XCTAssertEqual(json["state"] as? String, "reported")
            XCTAssertEqual(json["gridCode"] as? String, SampleAreas.grid)
            XCTAssertEqual(json["category"] as? String, "消防通道堵塞")
            XCTAssertEqual(json["kind"] as? String, "safetyHazard")
            XCTAssertEqual(json["urgency"] as? String, "urgent")
            let intake = try XCTUnwrap(json["intake"] as? [String: Any])
            XCTAssertEqual(intake["channel"] as? String, "gridWorker")
            XCTAssertEqual(intake["channelName"] as? String, "网格上报")
            XCTAssertNotNil(json["duplicates"] as? [Any])
            let channel = try await f.platform.database.read { db in
                try await db.select().column("channel").from("cases").first()?.decode(column: "channel", as: String.self)
            }
            XCTAssertEqual(channel, "gridWorker")
            // A post holder reports on the grid of the post, by name of category within a kind too.
            let poster = try await f.postJSON("/api/v1/grid-reports", as: "poster", #"""
                {"latitude":40.601,"longitude":109.809,"kind":"城市管理","category":"占道经营","description":"早市摊位占用人行道"}
                """#)
            XCTAssertEqual(poster.status, .created, poster.text)
        }
    }

    func testResolvedOnTheSpotWithPhotosInOneIdempotentCall() async throws {
        try await F.each { f in
            let fields: [(String, String)] = [
                ("latitude", "40.605"), ("longitude", "109.805"), ("category", "dispute.neighbour"),
                ("description", "两户因楼道堆物发生口角"), ("resolvedOnSite", "true"), ("result", "现场调解,双方同意清理楼道"),
                ("peopleInvolved", "2"),
            ]
            let photos = [(field: "photos", name: "现场.jpg", data: F.jpeg), (field: "photos", name: "签字.png", data: F.png)]
            let first = try await f.postMultipart("/api/v1/grid-reports", as: "grid", fields: fields, files: photos,
                                                  headers: [.init("Idempotency-Key")!: "phone-outbox-1"], accept: "application/json")
            XCTAssertEqual(first.status, .created, first.text)
            let json = try first.json()
            XCTAssertEqual(json["state"] as? String, "handled")
            let types = (json["timeline"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            XCTAssertEqual(types, ["reported", "accepted", "resolved_on_site"])
            let attachments = try XCTUnwrap(json["attachments"] as? [[String: Any]])
            XCTAssertEqual(attachments.compactMap { $0["name"] as? String }, ["现场.jpg", "签字.png"])
            XCTAssertEqual(first.headers[.eTag], "\"3\"")

            let again = try await f.postMultipart("/api/v1/grid-reports", as: "grid", fields: fields, files: photos,
                                                  headers: [.init("Idempotency-Key")!: "phone-outbox-1"], accept: "application/json")
            XCTAssertEqual(again.status, .created)
            XCTAssertEqual(try again.json()["number"] as? String, json["number"] as? String)
            let cases = try await f.count("cases")
            let events = try await f.count("case_events")
            let files = try await f.count("case_attachments")
            XCTAssertEqual([cases, events, files], [1, 3, 2])
            XCTAssertEqual(f.storedFiles(), 2, "the retry's photos are not kept")
            let actions = try await f.platform.database.read { db in
                try await db.select().column("action").from("audit_log").orderBy("id").all(decodingColumn: "action", as: String.self)
            }.filter { $0.hasPrefix("case") || $0.hasPrefix("grid_report") }
            XCTAssertEqual(actions, ["case.open", "case_attachment.upload", "case_attachment.upload", "case.accept",
                                     "case.resolveOnSite", "grid_report.submit"])
            // The same key for another report is refused.
            let reused = try await f.postMultipart("/api/v1/grid-reports", as: "grid", fields: fields + [("address", "别处")],
                                                   files: photos, headers: [.init("Idempotency-Key")!: "phone-outbox-1"],
                                                   accept: "application/json")
            XCTAssertEqual(reused.status, .unprocessableContent)
        }
    }

    func testJSONPhotosAreBase64() async throws {
        try await F.each { f in
            let photo = F.jpeg.base64EncodedString()
            let response = try await f.postJSON("/api/v1/grid-reports", as: "grid", Self.json(extra: #"""
                ,"resolvedOnSite":true,"result":"已当场清理","photos":[{"name":"清理后.jpg","content":"data:image/jpeg;base64,\#(photo)"}]
                """#))
            XCTAssertEqual(response.status, .created, response.text)
            XCTAssertEqual(try response.json()["state"] as? String, "handled")
            let bad = try await f.postJSON("/api/v1/grid-reports", as: "grid", Self.json(extra: #","photos":[{"content":"@@@"}]"#))
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains(#""field":"photos[0].content""#), bad.text)
        }
    }

    func testEveryRejectionNamesItsFieldAndLeavesNothing() async throws {
        try await F.each { f in
            func refused(_ username: String, _ body: String, field: String, code: String,
                         line: UInt = #line) async throws {
                let response = try await f.postJSON("/api/v1/grid-reports", as: username, body)
                XCTAssertEqual(response.status, .unprocessableContent, response.text, line: line)
                XCTAssertTrue(response.text.contains(#"{"code":"\#(code)","field":"\#(field)""#), response.text, line: line)
            }
            try await refused("grid", #"{"category":"dispute.neighbour","description":"两户因楼道堆物发生口角"}"#,
                              field: "location", code: "required")
            // Another grid of the village, outside the worker's own; a point in no grid; a point abroad.
            try await refused("grid", Self.json(F.inSecondGrid.latitude, F.inSecondGrid.longitude), field: "location",
                              code: "outside_grid")
            try await refused("poster", Self.json(F.inSecondGrid.latitude, F.inSecondGrid.longitude), field: "location",
                              code: "outside_grid")
            try await refused("wide", Self.json(F.inNoGrid.latitude, F.inNoGrid.longitude), field: "location", code: "no_grid")
            try await refused("grid", Self.json(1.0, 1.0), field: "latitude", code: "out_of_range")
            try await refused("grid", #"{"latitude":40.605,"longitude":109.805,"category":"不存在的分类","description":"两户因楼道堆物发生口角"}"#,
                              field: "category", code: "invalid_choice")
            try await refused("grid", #"{"latitude":40.605,"longitude":109.805,"kind":"suggestion","category":"dispute.neighbour","description":"两户口角"}"#,
                              field: "category", code: "invalid_choice")
            try await refused("grid", Self.json(extra: #","resolvedOnSite":true"#), field: "result", code: "required")
            try await refused("grid", Self.json(extra: #","resolvedOnSite":true,"result":"已化解""#), field: "photos",
                              code: "required")
            try await refused("grid", Self.json(extra: #","contactPhone":"12345""#), field: "contactPhone", code: "invalid_format")
            // Disguised or oversized photos are refused by their content.
            let gif = try await f.postMultipart("/api/v1/grid-reports", as: "grid", fields: [
                ("latitude", "40.605"), ("longitude", "109.805"), ("category", "dispute.neighbour"),
                ("description", "两户因楼道堆物发生口角")],
                files: [("photos", "现场.jpg", Data("GIF89a....".utf8)), ("photos", "b.jpg", F.jpeg)], accept: "application/json")
            XCTAssertEqual(gif.status, .unprocessableContent)
            XCTAssertTrue(gif.text.contains("第1张照片:文件内容不是允许的类型"), gif.text)
            let large = try await f.postMultipart("/api/v1/grid-reports", as: "grid", fields: [
                ("latitude", "40.605"), ("longitude", "109.805"), ("category", "dispute.neighbour"),
                ("description", "两户因楼道堆物发生口角")],
                files: [("photos", "大.jpg", F.jpeg + Data(count: GridReports.maximumPhotoBytes))], accept: "application/json")
            XCTAssertEqual(large.status, .unprocessableContent)
            XCTAssertTrue(large.text.contains("too_large"), large.text)
            let notNumber = try await f.postMultipart("/api/v1/grid-reports", as: "grid", fields: [
                ("latitude", "北纬40度"), ("longitude", "109.805"), ("resolvedOnSite", "也许")], accept: "application/json")
            XCTAssertTrue(notNumber.text.contains(#""field":"latitude""#) && notNumber.text.contains(#""field":"resolvedOnSite""#))
            let cases = try await f.count("cases")
            XCTAssertEqual(cases, 0)
            XCTAssertEqual(f.storedFiles(), 0)
        }
    }

    func testOnlyGridStaffReportAndOnlyTheGridsTierResolvesOnTheSpot() async throws {
        try await F.each { f in
            for username in ["desk", "handler"] {
                let response = try await f.postJSON("/api/v1/grid-reports", as: username, Self.json())
                XCTAssertEqual(response.status, .forbidden, username)
            }
            let anonymous = try await f.client.execute(uri: "/api/v1/grid-reports", method: .post,
                                                       headers: jsonHeaders, body: ByteBuffer(string: Self.json()))
            XCTAssertEqual(anonymous.status, .unauthorized)
            // A worker answering for a whole township reports, but cannot settle the case on a grid's behalf.
            let photo = F.jpeg.base64EncodedString()
            let wide = try await f.postJSON("/api/v1/grid-reports", as: "wide", Self.json(extra: #"""
                ,"resolvedOnSite":true,"result":"已当场清理","photos":[{"name":"a.jpg","content":"\#(photo)"}]
                """#))
            XCTAssertEqual(wide.status, .forbidden, wide.text)
            let cases = try await f.count("cases")
            XCTAssertEqual(cases, 0)
            XCTAssertEqual(f.storedFiles(), 0)
        }
    }
}
