import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import FengqiaoWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import XCTest

/// AI-camera alerts over HTTP on both engines: every refusal of `POST /api/v1/camera-alerts`, the same
/// alert twice and a burst within the window, the operators' `/alerts` page, and the administrators'
/// camera and rule pages.
final class CameraAlertRoutesTests: XCTestCase {
    func withClient(_ body: @escaping @Sendable (any TestClientProtocol, Platform) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            try await CameraFixture.prepare(platform)
            let app = try await buildApplication(platform: platform, configuration: WebConfiguration())
            try await app.test(.router) { client in try await body(client, platform) }
        }
    }

    static func token(_ platform: Platform, scope: String = "alerts.write", area: String = SampleAreas.county) async throws -> String {
        try await ApiTokens(platform: platform).create(name: "视频平台-\(scope)", scopes: [scope], area: area,
                                                       by: .commandLine("test")).token
    }

    static func json(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json", .accept: "application/json"]
    }

    /// The JSON body of an alert seen `minutes` after the reference date (the server's clock).
    static func body(
        _ eventId: String, camera: String = CameraFixture.cameraA, type: String = "smokeFire", confidence: String = "0.9",
        minutes: Double = -60, snapshot: Data? = nil
    ) -> ByteBuffer {
        let time = ISO8601DateFormatter().string(from: TestPlatform.referenceDate.addingTimeInterval(minutes * 60))
        let picture = snapshot.map { #","snapshot":"\#($0.base64EncodedString())""# } ?? ""
        return ByteBuffer(string: #"{"eventId":"\#(eventId)","cameraId":"\#(camera)","eventType":"\#(type)","occurredAt":"\#(time)","confidence":\#(confidence)\#(picture)}"#)
    }

    static func fieldErrors(_ response: TestResponse) throws -> [String] {
        let errors = try XCTUnwrap(try response.json()["errors"] as? [[String: Any]], response.text)
        return errors.map { "\($0["field"] as? String ?? ""):\($0["code"] as? String ?? "")" }
    }

    func testEveryRejectionOfTheAlertEndpoint() async throws {
        try await withClient { client, platform in
            let token = try await Self.token(platform)
            let uri = "/api/v1/camera-alerts"
            let anonymous = try await client.execute(uri: uri, method: .post, headers: jsonHeaders, body: Self.body("r-1"))
            XCTAssertEqual(anonymous.status, .unauthorized)
            let forged = try await client.execute(uri: uri, method: .post, headers: Self.json("fq_notatoken"), body: Self.body("r-1"))
            XCTAssertEqual(forged.status, .unauthorized)
            XCTAssertEqual(try forged.json()["code"] as? String, "invalid_token")
            let hotline = try await Self.token(platform, scope: "cases.report")
            let wrongScope = try await client.execute(uri: uri, method: .post, headers: Self.json(hotline), body: Self.body("r-1"))
            XCTAssertEqual(wrongScope.status, .forbidden)
            try await TestAccounts.create("desk", role: .intakeOperator, area: SampleAreas.county, in: platform.database)
            let person = try await signIn(client, username: "desk")
            let byPerson = try await client.execute(
                uri: uri, method: .post,
                headers: [.cookie: person.cookie, .csrfHeader: person.csrf, .contentType: "application/json", .accept: "application/json"],
                body: Self.body("r-1"))
            XCTAssertEqual(byPerson.status, .forbidden, "a person cannot post algorithm events")

            let limit = CameraAlertSubmission.maximumSnapshotBytes
            let cases: [(ByteBuffer, [String])] = [
                (Self.body("r-1", confidence: "1.5"), ["confidence:out_of_range"]),
                (Self.body("r-1", confidence: "-0.2"), ["confidence:out_of_range"]),
                (Self.body("r-1", camera: "NO-SUCH-CAMERA"), ["cameraId:unknown"]),
                (Self.body("r-1", type: "ufoLanding"), ["eventType:invalid_choice"]),
                (Self.body("r-1", minutes: 60), ["occurredAt:out_of_range"]),
                (Self.body("r-1", snapshot: CameraFixture.executable), ["snapshot:unsupported_type"]),
                (Self.body("r-1", snapshot: Data("GIF89a".utf8) + Data(repeating: 1, count: 100)), ["snapshot:unsupported_type"]),
                (Self.body("r-1", snapshot: CameraFixture.jpeg + Data(repeating: 0, count: limit)), ["snapshot:too_large"]),
                (ByteBuffer(string: #"{"cameraId":"\#(CameraFixture.cameraA)"}"#),
                 ["eventId:required", "eventType:required", "occurredAt:required", "confidence:required"]),
            ]
            for (body, expected) in cases {
                let response = try await client.execute(uri: uri, method: .post, headers: Self.json(token), body: body)
                XCTAssertEqual(response.status, .unprocessableContent, "\(expected): \(response.text.prefix(300))")
                XCTAssertEqual(try Self.fieldErrors(response), expected)
                XCTAssertEqual(try response.json()["code"] as? String, "validation_failed")
            }
            let wrongType = try await client.execute(uri: uri, method: .post, headers: Self.json(token),
                                                     body: Self.body("r-1", confidence: #""high""#))
            XCTAssertEqual(wrongType.status, .badRequest)
            XCTAssertEqual(try Self.fieldErrors(wrongType), ["confidence:wrong_type"])
            var form = Self.json(token)
            form[.contentType] = "application/x-www-form-urlencoded"
            let notJSON = try await client.execute(uri: uri, method: .post, headers: form, body: ByteBuffer(string: "eventId=1"))
            XCTAssertEqual(notJSON.status, .unsupportedMediaType)
            let huge = try await client.execute(uri: uri, method: .post, headers: Self.json(token),
                                                body: Self.body("r-1", snapshot: Data(repeating: 0xFF, count: 2 * limit)))
            XCTAssertEqual(huge.status, .contentTooLarge)

            let rows = try await platform.database.read { sql in
                (try await sql.countRows(in: "camera_alerts"), try await sql.countRows(in: "camera_alert_events"),
                 try await sql.countRows(in: "cases"))
            }
            XCTAssertEqual([rows.0, rows.1, rows.2], [0, 0, 0], "nothing half-written")
        }
    }

    func testTheSameAlertTwiceAndABurstWithinTheWindowMakeOneCase() async throws {
        try await withClient { client, platform in
            let token = try await Self.token(platform)
            let uri = "/api/v1/camera-alerts"
            let first = try await client.execute(uri: uri, method: .post, headers: Self.json(token),
                                                 body: Self.body("fire-1", snapshot: CameraFixture.jpeg))
            XCTAssertEqual(first.status, .created, first.text)
            let answer = try first.json()
            XCTAssertEqual(answer["outcome"] as? String, "opened")
            XCTAssertEqual(answer["replayed"] as? Bool, false)
            let number = try XCTUnwrap(answer["caseNumber"] as? String)

            let again = try await client.execute(uri: uri, method: .post, headers: Self.json(token),
                                                 body: Self.body("fire-1", snapshot: CameraFixture.jpeg))
            XCTAssertEqual(again.status, .ok)
            var replayed = answer
            replayed["replayed"] = true
            XCTAssertEqual(NSDictionary(dictionary: try again.json()), NSDictionary(dictionary: replayed), "the first answer")

            for n in 2...6 {
                let burst = try await client.execute(uri: uri, method: .post, headers: Self.json(token),
                                                     body: Self.body("fire-\(n)", confidence: "0.75", minutes: Double(-60 + n)))
                XCTAssertEqual(burst.status, .ok, burst.text)
                let folded = try burst.json()
                XCTAssertEqual(folded["outcome"] as? String, "folded")
                XCTAssertEqual(folded["caseNumber"] as? String, number)
                XCTAssertEqual(folded["alertId"] as? Int, answer["alertId"] as? Int)
                XCTAssertEqual(folded["eventCount"] as? Int, n)
            }
            let (alerts, events, cases, outbox) = try await platform.database.read { sql in
                (try await sql.countRows(in: "camera_alerts"), try await sql.countRows(in: "camera_alert_events"),
                 try await sql.countRows(in: "cases"), try await sql.countRows(in: "notification_outbox"))
            }
            XCTAssertEqual([alerts, events, cases, outbox], [1, 6, 1, 3])

            // The case as staff read it: reported by the platform, five repeats noted, the snapshot attached.
            try await TestAccounts.create("lead", role: .leader, area: SampleAreas.county, in: platform.database)
            let leader = try await signIn(client, username: "lead")
            let view = try await client.execute(uri: "/api/v1/cases/\(number)", method: .get,
                                                headers: [.cookie: leader.cookie, .accept: "application/json"])
            XCTAssertEqual(view.status, .ok)
            let timeline = try XCTUnwrap(try view.json()["timeline"] as? [[String: Any]])
            XCTAssertEqual(timeline.compactMap { $0["type"] as? String }, ["reported"] + Array(repeating: "progress_added", count: 5))
            XCTAssertEqual((try view.json()["attachments"] as? [Any])?.count, 1)

            // Below the threshold: queued, 201, no case.
            let parked = try await client.execute(uri: uri, method: .post, headers: Self.json(token),
                                                  body: Self.body("park-1", type: "车辆违停", confidence: "0.5"))
            XCTAssertEqual(parked.status, .created)
            XCTAssertEqual(try parked.json()["outcome"] as? String, "queued")
            XCTAssertNil(try parked.json()["caseNumber"] as? String)
        }
    }

    func testOperatorsWorkTheQueueInsideTheirArea() async throws {
        try await withClient { client, platform in
            let queued = try await CameraAlertIntake(platform: platform).receive(
                CameraFixture.alert("q-1", type: "streetVending", confidence: 0.4, minutes: -30, snapshot: CameraFixture.jpeg),
                caller: CameraFixture.machine())
            let id = queued.alertId
            try await TestAccounts.create("desk_a", role: .intakeOperator, area: SampleAreas.township, in: platform.database)
            try await TestAccounts.create("desk_b", role: .intakeOperator, area: CameraFixture.townshipB, in: platform.database)
            let inside = try await signIn(client, username: "desk_a")
            let outside = try await signIn(client, username: "desk_b")

            let page = try await client.execute(uri: "/alerts", method: .get, headers: inside.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("康乐社区东门") && page.text.contains("占道经营"), "the alert is listed")
            XCTAssertTrue(page.text.contains(#"action="/alerts/\#(id)/confirm""#))
            XCTAssertTrue(page.text.contains(#"name="_csrf" value="\#(inside.csrf)""#))
            XCTAssertTrue(page.text.contains(#"href="/alerts""#), "the navigation offers the queue")
            let picture = try await client.execute(uri: "/alerts/\(id)/snapshot", method: .get, headers: inside.headers)
            XCTAssertEqual(picture.status, .ok)
            XCTAssertEqual(picture.headers[.contentType], "image/jpeg")
            XCTAssertEqual(Data(buffer: picture.body), CameraFixture.jpeg)

            let away = try await client.execute(uri: "/alerts", method: .get, headers: outside.headers)
            XCTAssertEqual(away.status, .ok)
            XCTAssertFalse(away.text.contains("康乐社区东门"), "outside the camera's grid the alert is not listed")
            let awayJSON = try await client.execute(uri: "/api/v1/camera-alerts?state=all", method: .get,
                                                    headers: [.cookie: outside.cookie, .accept: "application/json"])
            XCTAssertEqual((try awayJSON.json()["items"] as? [Any])?.count, 0)
            for uri in ["/alerts/\(id)/snapshot", "/api/v1/camera-alerts/\(id)"] {
                let hidden = try await client.execute(uri: uri, method: .get, headers: [.cookie: outside.cookie, .accept: "application/json"])
                XCTAssertEqual(hidden.status, .notFound, uri)
            }
            let reach = try await client.execute(uri: "/alerts/\(id)/confirm", method: .post, headers: outside.formHeaders(),
                                                 body: ByteBuffer(string: "_csrf=\(outside.csrf)"))
            XCTAssertEqual(reach.status, .notFound)

            let noReason = try await client.execute(uri: "/alerts/\(id)/dismiss", method: .post, headers: inside.formHeaders(),
                                                    body: ByteBuffer(string: "_csrf=\(inside.csrf)&reason="))
            XCTAssertEqual(noReason.status, .unprocessableContent)
            XCTAssertTrue(noReason.text.contains("请填写排除原因"), "the page says what is missing")
            let forged = try await client.execute(uri: "/alerts/\(id)/confirm", method: .post, headers: inside.formHeaders(),
                                                  body: ByteBuffer(string: "_csrf=forged"))
            XCTAssertEqual(forged.status, .forbidden)

            let confirmed = try await client.execute(uri: "/alerts/\(id)/confirm", method: .post, headers: inside.formHeaders(),
                                                     body: ByteBuffer(string: "_csrf=\(inside.csrf)"))
            XCTAssertEqual(confirmed.status, .seeOther)
            XCTAssertEqual(confirmed.headers[.location], "/alerts?done=\(id)")
            let decided = try await client.execute(uri: "/api/v1/camera-alerts?state=decided", method: .get,
                                                   headers: [.cookie: inside.cookie, .accept: "application/json"])
            let item = try XCTUnwrap((try decided.json()["items"] as? [[String: Any]])?.first)
            XCTAssertEqual(item["state"] as? String, "confirmed")
            XCTAssertNotNil(item["caseNumber"] as? String)
            let outbox = try await platform.database.read { try await $0.countRows(in: "notification_outbox") }
            XCTAssertEqual(outbox, 3, "三同步 on confirmation")
            let twice = try await client.execute(
                uri: "/api/v1/camera-alerts/\(id)/dismiss", method: .post,
                headers: [.cookie: inside.cookie, .csrfHeader: inside.csrf, .contentType: "application/json", .accept: "application/json"],
                body: ByteBuffer(string: #"{"reason":"误报"}"#))
            XCTAssertEqual(twice.status, .conflict)
            XCTAssertEqual(try twice.json()["code"] as? String, "alert_decided")
        }
    }

    func testAdministratorsConfigureCamerasAndRules() async throws {
        try await withClient { client, platform in
            try await TestAccounts.create("admin", role: .systemAdmin, area: SampleAreas.county, in: platform.database)
            let admin = try await signIn(client, username: "admin")
            let page = try await client.execute(uri: "/admin/cameras", method: .get, headers: admin.headers)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(CameraFixture.cameraA) && page.text.contains(#"action="/admin/cameras""#))

            let created = try await client.execute(
                uri: "/admin/cameras", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&code=CAM-NEW-1&name=%E5%8D%97%E9%97%A8&gridCode=\(SampleAreas.grid)&latitude=40.601&longitude=109.801&active=on"))
            XCTAssertEqual(created.status, .seeOther)
            let refused = try await client.execute(
                uri: "/admin/cameras", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&code=CAM-NEW-1&name=&gridCode=\(SampleAreas.village)"))
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertTrue(refused.text.contains("请填写摄像头名称") && refused.text.contains("网格编码格式不正确"), "Chinese field messages")
            XCTAssertTrue(refused.text.contains(#"value="CAM-NEW-1""#), "the form keeps what was typed")

            let token = try await Self.token(platform)
            let listed = try await client.execute(uri: "/api/v1/cameras", method: .get,
                                                  headers: [.authorization: "Bearer \(token)", .accept: "application/json"])
            XCTAssertEqual(listed.status, .ok)
            let cameras = try XCTUnwrap(try listed.json()["cameras"] as? [[String: Any]])
            XCTAssertEqual(Set(cameras.compactMap { $0["code"] as? String }), [CameraFixture.cameraA, CameraFixture.cameraB, "CAM-NEW-1"])
            let newID = try XCTUnwrap(cameras.first { $0["code"] as? String == "CAM-NEW-1" }?["id"] as? Int)

            let retired = try await client.execute(
                uri: "/admin/cameras/\(newID)", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&name=%E5%8D%97%E9%97%A8&gridCode=\(SampleAreas.grid)"))
            XCTAssertEqual(retired.status, .seeOther, "no active box: retired")
            let alert = try await client.execute(uri: "/api/v1/camera-alerts", method: .post, headers: Self.json(token),
                                                 body: Self.body("new-1", camera: "CAM-NEW-1"))
            XCTAssertEqual(try Self.fieldErrors(alert), ["cameraId:inactive"])

            let rules = try await client.execute(uri: "/admin/alert-rules", method: .get, headers: admin.headers)
            XCTAssertTrue(rules.text.contains("浓烟火情") && rules.text.contains(#"action="/admin/alert-rules/smokeFire""#))
            let saved = try await client.execute(
                uri: "/admin/alert-rules/smokeFire", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&threshold=0.95&urgency=urgent&windowMinutes=10"))
            XCTAssertEqual(saved.status, .seeOther)
            let bad = try await client.execute(
                uri: "/admin/alert-rules/smokeFire", method: .post, headers: admin.formHeaders(),
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&threshold=2&urgency=urgent&windowMinutes=10"))
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("立案阈值须为 0 到 1 之间的小数"))
            // The saved threshold now decides: 0.9 smoke waits for an operator.
            let smoke = try await client.execute(uri: "/api/v1/camera-alerts", method: .post, headers: Self.json(token),
                                                 body: Self.body("smoke-1", confidence: "0.9"))
            XCTAssertEqual(try smoke.json()["outcome"] as? String, "queued")

            let actions = try await platform.database.read { sql in
                try await sql.select().column("action").from("audit_log").where("actor", .equal, "admin").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            XCTAssertEqual(actions.filter { $0 != "session.sign_in" }, ["camera.create", "camera.update", "camera_alert_rule.update"])
        }
    }
}
