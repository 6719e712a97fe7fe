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

/// The grid worker app (网格通) on SQLite and PostgreSQL: its shell, and every `/app/api` endpoint with its
/// rejections, its idempotency (the same key twice is one row and the same answer) and its jurisdiction (a grid,
/// person, case or patrol that is not the worker's answers as one that does not exist).
final class GridAppAPIRoutesTests: XCTestCase {
    typealias F = IntakeFixture
    static let now = TestPlatform.referenceDate.millisecondsSince1970

    func testTheShellIsServedWithItsManifestIconsAndServiceWorker() async throws {
        try await withTestClient { client, _ in
            let page = try await client.execute(uri: "/app", method: .get)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.headers[.contentType]?.hasPrefix("text/html") == true)
            XCTAssertTrue(page.text.contains(#"<link rel="manifest" href="/app/manifest.webmanifest">"#))
            XCTAssertEqual(HTMLAudit.problems(page.text), [])
            let worker = try await client.execute(uri: "/app/sw.js", method: .get)
            XCTAssertEqual(worker.headers[.contentType], "text/javascript; charset=utf-8")
            XCTAssertEqual(worker.headers[HTTPField.Name("Service-Worker-Allowed")!], "/app")
            XCTAssertTrue(worker.text.contains("caches.open"))
            let manifest = try await client.execute(uri: "/app/manifest.webmanifest", method: .get)
            XCTAssertEqual(manifest.headers[.contentType], "application/manifest+json")
            let json = try manifest.json()
            XCTAssertEqual(json["start_url"] as? String, "/app")
            let icons = (json["icons"] as? [[String: Any]] ?? []).compactMap { $0["src"] as? String }
            XCTAssertEqual(icons.count, 3)
            for icon in icons where icon.hasSuffix(".png") {
                let file = try await client.execute(uri: icon, method: .get)
                XCTAssertEqual(file.headers[.contentType], "image/png")
                XCTAssertEqual(Array(file.body.readableBytesView.prefix(4)), [0x89, 0x50, 0x4E, 0x47], icon)
            }
            let svg = try await client.execute(uri: "/app/icon.svg", method: .get)
            XCTAssertTrue(svg.text.hasPrefix("<svg"))
            for script in ["/app/app.js", "/app/outbox.js"] {
                let file = try await client.execute(uri: script, method: .get)
                XCTAssertEqual(file.status, .ok)
                XCTAssertTrue(file.text.contains("Idempotency-Key") || file.text.contains("FqOutbox"), script)
            }
        }
    }

    func testWhoIsSignedInAndWhoMayUseTheApp() async throws {
        try await F.each { f in
            let me = try await f.getJSON("/app/api/me", as: "poster")
            XCTAssertEqual(me.status, .ok, me.text)
            let json = try me.json()
            XCTAssertFalse((json["csrfToken"] as? String ?? "").isEmpty)
            let profile = try XCTUnwrap(json["profile"] as? [String: Any])
            let grids = (profile["grids"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            XCTAssertEqual(grids, [SampleAreas.grid], "a post holder's own grid only")
            XCTAssertEqual((profile["checklist"] as? [Any])?.count, PatrolChecklist.standard.count)
            XCTAssertTrue((profile["categories"] as? [[String: Any]] ?? []).contains { $0["code"] as? String == "dispute.neighbour" })
            // A worker of the village without a post has every grid of the village.
            let wide = try await f.getJSON("/app/api/me", as: "wide")
            let wideGrids = ((try wide.json()["profile"] as? [String: Any])?["grids"] as? [[String: Any]] ?? []).count
            XCTAssertEqual(wideGrids, 2)
            let anonymous = try await f.client.execute(uri: "/app/api/me", method: .get, headers: [.accept: "application/json"])
            XCTAssertEqual(anonymous.status, .unauthorized)
            for username in ["desk", "handler", "disp"] {
                let refused = try await f.getJSON("/app/api/me", as: username)
                XCTAssertEqual(refused.status, .forbidden, username)
            }
            let noCSRF = try await f.postJSON("/app/api/visits", as: "grid", Self.visit(), key: "k", csrf: false)
            XCTAssertEqual(noCSRF.status, .forbidden)
            XCTAssertTrue(noCSRF.text.contains("csrf_failed"), noCSRF.text)
        }
    }

    static func visit(grid: String = SampleAreas.grid, extra: String = "") -> String {
        #"{"subjectKind":"household","subject":"康乐小区3号楼201","gridCode":"\#(grid)","visitedOn":"2026-11-20","notes":"入户了解老人近况,身体尚好"\#(extra)}"#
    }

    func testAVisitIsRecordedOnceForItsKey() async throws {
        try await F.each { f in
            let first = try await f.postJSON("/app/api/visits", as: "grid", Self.visit(extra: #","findings":"楼道灯不亮""#),
                                             key: "3f1c2a9e-visit-1")
            XCTAssertEqual(first.status, .created, first.text)
            let json = try first.json()
            XCTAssertEqual(json["gridCode"] as? String, SampleAreas.grid)
            XCTAssertEqual(json["subjectKindName"] as? String, "入户走访")
            XCTAssertEqual(json["findings"] as? String, "楼道灯不亮")
            let again = try await f.postJSON("/app/api/visits", as: "grid", Self.visit(extra: #","findings":"楼道灯不亮""#),
                                             key: "3f1c2a9e-visit-1")
            XCTAssertEqual(again.status, .created)
            XCTAssertEqual(again.text, first.text, "a replay answers the first answer")
            let visits = try await f.count("visits")
            XCTAssertEqual(visits, 1)
            let audits = try await f.platform.database.read { db in
                try await db.select().column("action").from("audit_log").where("action", .equal, "visit.record").all().count
            }
            XCTAssertEqual(audits, 1)
            // The same key for other work is refused; another key is another visit; coordinates find the grid.
            let reused = try await f.postJSON("/app/api/visits", as: "grid", Self.visit(extra: #","findings":"别的""#),
                                              key: "3f1c2a9e-visit-1")
            XCTAssertEqual(reused.status, .unprocessableContent)
            XCTAssertTrue(reused.text.contains(#""code":"key_reused""#), reused.text)
            let byPoint = try await f.postJSON("/app/api/visits", as: "grid", #"""
                {"subjectKind":"place","subject":"康乐超市","latitude":40.605,"longitude":109.805,"visitedOn":"2026-11-23","notes":"检查灭火器"}
                """#, key: "3f1c2a9e-visit-2")
            XCTAssertEqual(byPoint.status, .created, byPoint.text)
            XCTAssertEqual(try byPoint.json()["gridCode"] as? String, SampleAreas.grid)
            // Two sends of one item at once (a flush racing a retry): one visit, the same answer to both.
            let body = Self.visit(extra: #","findings":"同时发送""#)
            async let one = f.postJSON("/app/api/visits", as: "grid", body, key: "3f1c2a9e-visit-3")
            async let two = f.postJSON("/app/api/visits", as: "grid", body, key: "3f1c2a9e-visit-3")
            let (a, b) = try await (one, two)
            XCTAssertEqual([a.status, b.status], [.created, .created], a.text + b.text)
            XCTAssertEqual(try a.json()["id"] as? Int, try b.json()["id"] as? Int)
            let list = try await f.getJSON("/app/api/visits", as: "grid")
            XCTAssertEqual((try list.json()["visits"] as? [Any])?.count, 3)
            let others = try await f.getJSON("/app/api/visits", as: "wide")
            XCTAssertEqual((try others.json()["visits"] as? [Any])?.count, 0, "a worker lists their own visits")
        }
    }

    func testEveryVisitRejectionNamesItsFieldAndLeavesNothing() async throws {
        try await F.each { f in
            func refused(_ username: String, _ body: String, field: String, code: String, status: HTTPResponse.Status = .unprocessableContent,
                         line: UInt = #line) async throws {
                let response = try await f.postJSON("/app/api/visits", as: username, body, key: UUID().uuidString)
                XCTAssertEqual(response.status, status, response.text, line: line)
                XCTAssertTrue(response.text.contains(#"{"code":"\#(code)","field":"\#(field)""#), response.text, line: line)
                XCTAssertTrue(containsChinese(response.text, atLeast: 2), line: line)
            }
            try await refused("grid", "{}", field: "subjectKind", code: "required")
            try await refused("grid", Self.visit().replacingOccurrences(of: "household", with: "shop"), field: "subjectKind",
                              code: "invalid_choice")
            try await refused("grid", #"{"subjectKind":"person","visitedOn":"2026-11-20","notes":"x"}"#, field: "location",
                              code: "required")
            try await refused("grid", Self.visit().replacingOccurrences(of: "2026-11-20", with: "2026-12-01"), field: "visitedOn",
                              code: "out_of_range")
            try await refused("grid", Self.visit().replacingOccurrences(of: "2026-11-20", with: "20/11/2026"), field: "visitedOn",
                              code: "invalid_format")
            try await refused("grid", Self.visit(grid: "1502"), field: "gridCode", code: "invalid_format")
            try await refused("grid", Self.visit(extra: #","findings":"\#(String(repeating: "长", count: 2001))""#),
                              field: "findings", code: "too_long")
            // Outside the worker's grids: another grid of the village, a grid of another township, a point elsewhere.
            try await refused("poster", Self.visit(grid: F.secondGrid), field: "gridCode", code: "unknown")
            try await refused("grid", Self.visit(grid: "150207009001001"), field: "gridCode", code: "unknown")
            try await refused("grid", #"{"subjectKind":"person","subject":"王某","latitude":40.615,"longitude":109.805,"visitedOn":"2026-11-20","notes":"走访"}"#,
                              field: "location", code: "outside_grid")
            try await refused("grid", Self.visit(extra: #","personId":999999"#), field: "personId", code: "unknown")
            let wrongType = try await f.client.execute(
                uri: "/app/api/visits", method: .post,
                headers: try await f.jsonHeaders("grid", contentType: "text/plain"), body: ByteBuffer(string: Self.visit()))
            XCTAssertEqual(wrongType.status, .unsupportedMediaType)
            let malformed = try await f.postJSON("/app/api/visits", as: "grid", "{not json")
            XCTAssertEqual(malformed.status, .badRequest)
            let visits = try await f.count("visits")
            XCTAssertEqual(visits, 0)
        }
    }

    func testAPatrolStartsTracksAndStopsOnceEachAndOnlyForItsWorker() async throws {
        try await F.each { f in
            let ref = "b1d7e0c2-3a4f-4c55-9e0f-patrol000001"
            let start = #"{"ref":"\#(ref)","gridCode":"\#(SampleAreas.grid)","startedAt":\#(Self.now - 600_000)}"#
            let started = try await f.postJSON("/app/api/patrols", as: "grid", start, key: "start-1")
            XCTAssertEqual(started.status, .created, started.text)
            let again = try await f.postJSON("/app/api/patrols", as: "grid", start, key: "start-1")
            XCTAssertEqual(again.text, started.text)
            let points = #"{"points":[{"latitude":40.6051,"longitude":109.8051,"at":\#(Self.now - 500_000)},{"latitude":40.6052,"longitude":109.8052,"at":\#(Self.now - 400_000)}]}"#
            let tracked = try await f.postJSON("/app/api/patrols/\(ref)/points", as: "grid", points, key: "points-1")
            XCTAssertEqual(tracked.status, .ok, tracked.text)
            XCTAssertEqual(try tracked.json()["pointCount"] as? Int, 2)
            let replayed = try await f.postJSON("/app/api/patrols/\(ref)/points", as: "grid", points, key: "points-1")
            XCTAssertEqual(try replayed.json()["pointCount"] as? Int, 2)
            let stored = try await f.count("patrol_points")
            XCTAssertEqual(stored, 2, "a replayed batch is not stored twice")
            // Someone else's patrol does not exist for them.
            let foreign = try await f.postJSON("/app/api/patrols/\(ref)/points", as: "wide", points, key: "points-x")
            XCTAssertEqual(foreign.status, .notFound)
            let foreignStop = try await f.postJSON("/app/api/patrols/\(ref)/stop", as: "wide", "{}", key: "stop-x")
            XCTAssertEqual(foreignStop.status, .notFound)
            // Checklist rejections.
            let noNote = try await f.postJSON("/app/api/patrols/\(ref)/stop", as: "grid",
                                              #"{"checklist":[{"code":"fireLanes","status":"issue"}]}"#, key: "stop-bad-1")
            XCTAssertEqual(noNote.status, .unprocessableContent)
            XCTAssertTrue(noNote.text.contains(#"{"code":"required","field":"checklist[0].note""#), noNote.text)
            let unknown = try await f.postJSON("/app/api/patrols/\(ref)/stop", as: "grid",
                                               #"{"checklist":[{"code":"ufo","status":"ok"},{"code":"disputes","status":"maybe"}]}"#,
                                               key: "stop-bad-2")
            XCTAssertTrue(unknown.text.contains(#"{"code":"invalid_choice","field":"checklist[0].code""#), unknown.text)
            XCTAssertTrue(unknown.text.contains(#"{"code":"invalid_choice","field":"checklist[1].status""#), unknown.text)
            let early = try await f.postJSON("/app/api/patrols/\(ref)/stop", as: "grid", #"{"endedAt":\#(Self.now - 700_000)}"#,
                                             key: "stop-bad-3")
            XCTAssertTrue(early.text.contains(#"{"code":"out_of_range","field":"endedAt""#), early.text)
            let stop = #"{"endedAt":\#(Self.now),"checklist":[{"code":"fireLanes","status":"issue","note":"3号楼通道堆放纸箱"},{"code":"disputes","status":"ok"}],"note":"整体平稳"}"#
            let stopped = try await f.postJSON("/app/api/patrols/\(ref)/stop", as: "grid", stop, key: "stop-1")
            XCTAssertEqual(stopped.status, .ok, stopped.text)
            let json = try stopped.json()
            XCTAssertEqual(json["endedAt"] as? Int64, Self.now)
            XCTAssertEqual((json["checklist"] as? [[String: Any]])?.first?["name"] as? String, "消防通道、楼道是否畅通")
            let stopAgain = try await f.postJSON("/app/api/patrols/\(ref)/stop", as: "grid", stop, key: "stop-1")
            XCTAssertEqual(stopAgain.text, stopped.text)
            let late = try await f.postJSON("/app/api/patrols/\(ref)/points", as: "grid", points, key: "points-2")
            XCTAssertEqual(late.status, .conflict)
            let list = try await f.getJSON("/app/api/patrols", as: "grid")
            let patrols = try XCTUnwrap(try list.json()["patrols"] as? [[String: Any]])
            XCTAssertEqual(patrols.count, 1)
            XCTAssertEqual(patrols.first?["pointCount"] as? Int, 2)
            let rows = try await f.count("patrols")
            XCTAssertEqual(rows, 1)
        }
    }

    func testEveryPatrolStartRejection() async throws {
        try await F.each { f in
            func refused(_ username: String, _ body: String, field: String, code: String, line: UInt = #line) async throws {
                let response = try await f.postJSON("/app/api/patrols", as: username, body, key: UUID().uuidString)
                XCTAssertEqual(response.status, .unprocessableContent, response.text, line: line)
                XCTAssertTrue(response.text.contains(#"{"code":"\#(code)","field":"\#(field)""#), response.text, line: line)
            }
            try await refused("grid", #"{"gridCode":"\#(SampleAreas.grid)"}"#, field: "ref", code: "required")
            try await refused("grid", #"{"ref":"short","gridCode":"\#(SampleAreas.grid)"}"#, field: "ref", code: "invalid_format")
            try await refused("grid", #"{"ref":"../../etc/passwd-000","gridCode":"\#(SampleAreas.grid)"}"#, field: "ref",
                              code: "invalid_format")
            try await refused("grid", #"{"ref":"patrol-00000001"}"#, field: "location", code: "required")
            try await refused("grid", #"{"ref":"patrol-00000001","gridCode":"\#(SampleAreas.grid)","startedAt":\#(Self.now + 3_600_000)}"#,
                              field: "startedAt", code: "out_of_range")
            try await refused("poster", #"{"ref":"patrol-00000001","gridCode":"\#(F.secondGrid)"}"#, field: "gridCode", code: "unknown")
            try await refused("grid", #"{"ref":"patrol-00000001","latitude":1.0,"longitude":1.0}"#, field: "latitude", code: "out_of_range")
            let batch = try await f.postJSON("/app/api/patrols", as: "grid", #"{"ref":"patrol-00000002","gridCode":"\#(SampleAreas.grid)"}"#)
            XCTAssertEqual(batch.status, .created)
            let badPoints = try await f.postJSON("/app/api/patrols/patrol-00000002/points", as: "grid",
                                                 #"{"points":[{"latitude":40.6,"longitude":109.8},{"latitude":0,"longitude":0,"at":1}]}"#)
            XCTAssertTrue(badPoints.text.contains(#"{"code":"required","field":"points[0].at""#), badPoints.text)
            XCTAssertTrue(badPoints.text.contains(#"{"code":"out_of_range","field":"points[1]""#), badPoints.text)
            let none = try await f.postJSON("/app/api/patrols/patrol-00000002/points", as: "grid", #"{"points":[]}"#)
            XCTAssertTrue(none.text.contains(#"{"code":"required","field":"points""#), none.text)
            // The same phone reference for a different start is a conflict, not a second patrol.
            let clash = try await f.postJSON("/app/api/patrols", as: "grid",
                                             #"{"ref":"patrol-00000002","gridCode":"\#(SampleAreas.grid)","startedAt":\#(Self.now - 1000)}"#)
            XCTAssertEqual(clash.status, .conflict, clash.text)
            let rows = try await f.count("patrols")
            let points = try await f.count("patrol_points")
            XCTAssertEqual([rows, points], [1, 0])
        }
    }

    func testAReportFromTheAppMakesOneCaseForItsKeyAndVerificationGoesThroughTheEngine() async throws {
        try await F.each { f in
            let photo = F.jpeg.base64EncodedString()
            let body = #"{"latitude":40.605,"longitude":109.805,"category":"dispute.neighbour","description":"两户因楼道堆物发生口角","resolvedOnSite":true,"result":"现场调解,双方同意清理","photos":[{"name":"现场.jpg","content":"data:image/jpeg;base64,\#(photo)"}]}"#
            let first = try await f.postJSON("/app/api/reports", as: "grid", body, key: "report-key-1")
            XCTAssertEqual(first.status, .created, first.text)
            let number = try XCTUnwrap(try first.json()["number"] as? String)
            XCTAssertEqual(try first.json()["state"] as? String, "handled")
            let again = try await f.postJSON("/app/api/reports", as: "grid", body, key: "report-key-1")
            XCTAssertEqual(try again.json()["number"] as? String, number)
            let cases = try await f.count("cases")
            XCTAssertEqual(cases, 1)
            let outside = try await f.postJSON("/app/api/reports", as: "poster",
                                               #"{"latitude":40.615,"longitude":109.805,"category":"dispute.neighbour","description":"口角"}"#)
            XCTAssertTrue(outside.text.contains(#"{"code":"outside_grid","field":"location""#), outside.text)

            // The task list puts it first, waiting for on-site verification.
            let tasks = try await f.getJSON("/app/api/tasks", as: "grid")
            let first3 = try XCTUnwrap((try tasks.json()["tasks"] as? [[String: Any]])?.first)
            XCTAssertEqual(first3["number"] as? String, number)
            XCTAssertEqual(first3["needsVerification"] as? Bool, true)
            let noPass = try await f.postJSON("/app/api/tasks/\(number)/verify", as: "grid", "{}", key: "verify-0")
            XCTAssertTrue(noPass.text.contains(#""field":"pass""#), noPass.text)
            let failNoReason = try await f.postJSON("/app/api/tasks/\(number)/verify", as: "grid", #"{"pass":false}"#)
            XCTAssertTrue(failNoReason.text.contains(#""field":"reason""#), failNoReason.text)
            let verified = try await f.postJSON("/app/api/tasks/\(number)/verify", as: "grid",
                                                #"{"pass":true,"reason":"现场已清理"}"#, key: "verify-1")
            XCTAssertEqual(verified.status, .ok, verified.text)
            XCTAssertEqual(try verified.json()["state"] as? String, "verified")
            let replay = try await f.postJSON("/app/api/tasks/\(number)/verify", as: "grid",
                                              #"{"pass":true,"reason":"现场已清理"}"#, key: "verify-1")
            XCTAssertEqual(replay.status, .ok)
            XCTAssertEqual(try replay.json()["version"] as? Int, try verified.json()["version"] as? Int)
            let events = try await f.count("case_events")
            XCTAssertEqual(events, 4, "reported, accepted, resolved on site, verified once")
            let twice = try await f.postJSON("/app/api/tasks/\(number)/verify", as: "grid", #"{"pass":true}"#, key: "verify-2")
            XCTAssertEqual(twice.status, .conflict, "a verified case is not verified again")
            let missing = try await f.postJSON("/app/api/tasks/FQ-NO-SUCH/verify", as: "grid", #"{"pass":true}"#)
            XCTAssertEqual(missing.status, .notFound)
            let desk = try await f.postJSON("/app/api/tasks/\(number)/verify", as: "desk", #"{"pass":true}"#)
            XCTAssertEqual(desk.status, .forbidden)
        }
    }

    func testAQuickUpdateChangesThePhoneAndAddsCareTagsOnceForItsKey() async throws {
        try await F.each { f in
            let person = #"{"name":"李强","idNumber":"\#(AccessOracle.idNumber)","gridCode":"\#(SampleAreas.grid)","address":"康乐小区3号楼201","tags":["党员"]}"#
            let created = try await f.postJSON("/api/v1/people", as: "grid", person)
            XCTAssertEqual(created.status, .created, created.text)
            let id = try XCTUnwrap(try created.json()["id"] as? Int)
            let found = try await f.getJSON("/app/api/people?q=%E6%9D%8E%E5%BC%BA", as: "grid")
            XCTAssertEqual((try found.json()["people"] as? [[String: Any]])?.first?["id"] as? Int, id)
            let emptyQuery = try await f.getJSON("/app/api/people?q=", as: "grid")
            XCTAssertEqual(emptyQuery.status, .unprocessableContent)
            let update = #"{"phone":"13912345678","addTags":["独居老人"]}"#
            let first = try await f.postJSON("/app/api/people/\(id)", as: "grid", update, key: "person-1")
            XCTAssertEqual(first.status, .ok, first.text)
            let json = try first.json()
            XCTAssertEqual(json["phoneMasked"] as? String, "139****5678")
            XCTAssertEqual(json["tags"] as? [String], ["党员", "独居老人"])
            let again = try await f.postJSON("/app/api/people/\(id)", as: "grid", update, key: "person-1")
            XCTAssertEqual(again.text, first.text)
            let audits = try await f.platform.database.read { db in
                try await db.select().column("action").from("audit_log").where("action", .equal, "person.quick_update").all().count
            }
            XCTAssertEqual(audits, 1)
            func refused(_ body: String, field: String, code: String, line: UInt = #line) async throws {
                let response = try await f.postJSON("/app/api/people/\(id)", as: "grid", body)
                XCTAssertEqual(response.status, .unprocessableContent, response.text, line: line)
                XCTAssertTrue(response.text.contains(#"{"code":"\#(code)","field":"\#(field)""#), response.text, line: line)
            }
            try await refused("{}", field: "phone", code: "required")
            try await refused(#"{"phone":"12345"}"#, field: "phone", code: "invalid_format")
            try await refused(#"{"addTags":["社区矫正对象"]}"#, field: "addTags[0]", code: "not_allowed")
            try await refused(#"{"addTags":["外星人"]}"#, field: "addTags[0]", code: "unknown_value")
            // A person outside the worker's jurisdiction, or none at all, is not found; a mediator may not edit.
            let outside = try await f.postJSON("/app/api/people/\(id)", as: "outsider", update)
            XCTAssertEqual(outside.status, .forbidden, "an intake operator does not use the app")
            let elsewhere = try await f.postJSON("/api/v1/people", as: "wide",
                #"{"name":"王芳","idNumber":"\#(ResidentIdentityNumber(division: "150207", birthDate: "19850101", sequence: 7)?.rawValue ?? "")","gridCode":"\#(F.secondGrid)","address":"北区1号"}"#)
            XCTAssertEqual(elsewhere.status, .created, elsewhere.text)
            let otherId = try XCTUnwrap(try elsewhere.json()["id"] as? Int)
            let hidden = try await f.postJSON("/app/api/people/\(otherId)", as: "grid", update)
            XCTAssertEqual(hidden.status, .notFound)
            let none = try await f.postJSON("/app/api/people/abc", as: "grid", update)
            XCTAssertEqual(none.status, .notFound)
        }
    }
}

extension IntakeFixture {
    func getJSON(_ uri: String, as username: String) async throws -> TestResponse {
        let session = try await session(username)
        return try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie, .accept: "application/json"])
    }

    func jsonHeaders(_ username: String, contentType: String = "application/json") async throws -> HTTPFields {
        let session = try await session(username)
        return [.cookie: session.cookie, .init("X-CSRF-Token")!: session.csrf, .accept: "application/json",
                .contentType: contentType]
    }

    /// Posts JSON as `username`, with the CSRF header unless `csrf` is false.
    func postJSON(_ uri: String, as username: String, _ json: String, key: String?, csrf: Bool) async throws -> TestResponse {
        var headers = try await jsonHeaders(username)
        if !csrf { headers[.init("X-CSRF-Token")!] = nil }
        if let key { headers[.init("Idempotency-Key")!] = key }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }
}
