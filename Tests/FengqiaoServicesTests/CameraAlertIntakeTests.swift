import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Camera alerts from algorithm platforms on SQLite and PostgreSQL: a case at or above the threshold with
/// the snapshot and 三同步, the queue below it, the same event id answered once, repeats folded within the
/// window, and every refusal leaving nothing behind.
final class CameraAlertIntakeTests: XCTestCase {
    /// Three hours after the reference date, so alerts may be stamped at it and after.
    static func clock() -> ManualClock { ManualClock(TestPlatform.referenceDate.addingTimeInterval(3 * 3600)) }

    static func storedFiles(_ platform: Platform) -> Int {
        let enumerator = FileManager.default.enumerator(at: platform.uploads.directory, includingPropertiesForKeys: nil)
        var count = 0
        while let url = enumerator?.nextObject() as? URL { if url.lastPathComponent.count == 32 { count += 1 } }
        return count
    }

    static func counts(_ db: any Database) async throws -> (alerts: Int, events: Int, cases: Int, outbox: Int) {
        try await db.read { sql in
            (try await sql.countRows(in: "camera_alerts"), try await sql.countRows(in: "camera_alert_events"),
             try await sql.countRows(in: "cases"), try await sql.countRows(in: "notification_outbox"))
        }
    }

    func testAnAlertAtTheThresholdOpensACaseWithItsSnapshotAndWarnsTheGridThreeWays() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db, clock: Self.clock())
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            try await CameraFixture.prepare(platform)
            let receipt = try await CameraAlertIntake(platform: platform).receive(
                CameraFixture.alert("evt-1", type: "浓烟火情", confidence: 0.6, snapshot: CameraFixture.jpeg,
                                    description: "楼顶冒烟"),
                caller: CameraFixture.machine())
            XCTAssertEqual(receipt.outcome, .opened, "0.6 reaches the built-in smoke threshold")
            XCTAssertEqual(receipt.state, "opened")
            XCTAssertEqual(receipt.eventCount, 1)
            XCTAssertFalse(receipt.replayed)
            let number = try XCTUnwrap(receipt.caseNumber)

            let view = try await CaseEngine(platform: platform).view(
                caseNumber: number, caller: CameraFixture.person(.leader, SampleAreas.county))
            XCTAssertEqual(view.kind, "safetyHazard")
            XCTAssertEqual(view.category, "浓烟火情")
            XCTAssertEqual(view.urgency, "critical")
            XCTAssertEqual(view.gridCode, SampleAreas.grid)
            XCTAssertEqual(view.state, "reported")
            XCTAssertTrue(view.description.contains("康乐社区东门") && view.description.contains("楼顶冒烟"), view.description)
            XCTAssertEqual(view.timeline.map(\.actor), ["system:token:视频平台"], "reported by the system, not a person")
            XCTAssertEqual(view.attachments?.map(\.type), ["jpeg"])
            XCTAssertEqual(view.attachments?.first?.uploadedBy, "token:视频平台")
            let row = try await db.read { try await CaseRepository($0).find(number: number) }
            XCTAssertEqual(row?.channel, "aiCamera")
            XCTAssertEqual(row?.lat, 40.605)

            let caseId = try XCTUnwrap(row?.id)
            let outbox = try await db.read { try await NotificationOutboxRepository($0).messages(caseId: caseId) }
            XCTAssertEqual(outbox.map(\.channel), ["app", "sms", "call"], "三同步")
            XCTAssertEqual(Set(outbox.map(\.recipient)), ["grid:\(SampleAreas.grid)"])
            XCTAssertEqual(outbox.map(\.dedupeKey), ["app", "sms", "call"].map { "camera-alert:\(receipt.alertId):\($0)" })
            let message = NotificationText.message(for: outbox[1], channel: .sms)
            XCTAssertEqual(message.title, "AI视频预警:浓烟火情")
            XCTAssertTrue(message.body.contains(number), message.body)

            let audit = try await db.read { sql in
                try await sql.select().column("action").column("actor").column("role").from("audit_log")
                    .where("action", .in, ["camera_alert.receive", "case.open"]).orderBy("id").all()
                    .map { [try $0.decode(column: "action", as: String.self), try $0.decode(column: "actor", as: String.self),
                            try $0.decode(column: "role", as: String.self)] }
            }
            XCTAssertEqual(audit, [["case.open", "token:视频平台", "api_token"], ["camera_alert.receive", "token:视频平台", "api_token"]])
            XCTAssertEqual(Self.storedFiles(platform), 1)
        }
    }

    func testBelowTheThresholdTheAlertWaitsForAnOperator() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db, clock: Self.clock())
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            try await CameraFixture.prepare(platform)
            let receipt = try await CameraAlertIntake(platform: platform).receive(
                CameraFixture.alert("evt-1", confidence: 0.79, snapshot: CameraFixture.png), caller: CameraFixture.machine())
            XCTAssertEqual(receipt.outcome, .queued)
            XCTAssertEqual(receipt.state, "queued")
            XCTAssertNil(receipt.caseNumber)
            let counts = try await Self.counts(db)
            XCTAssertEqual([counts.alerts, counts.events, counts.cases, counts.outbox], [1, 1, 0, 0])
            XCTAssertEqual(Self.storedFiles(platform), 1, "the snapshot waits with the alert")
        }
    }

    func testTheSameEventIdTwiceGetsTheFirstAnswerAndNothingNew() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db, clock: Self.clock())
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            try await CameraFixture.prepare(platform)
            let intake = CameraAlertIntake(platform: platform)
            let first = try await intake.receive(CameraFixture.alert("evt-1", confidence: 0.9, snapshot: CameraFixture.jpeg),
                                                 caller: CameraFixture.machine())
            XCTAssertEqual(first.outcome, .opened)
            // The platform retries, even with other values: the first answer, replayed.
            let again = try await intake.receive(
                CameraFixture.alert("evt-1", confidence: 0.3, minutes: 1, snapshot: CameraFixture.png), caller: CameraFixture.machine())
            var expected = first
            expected.replayed = true
            XCTAssertEqual(again, expected)
            let counts = try await Self.counts(db)
            XCTAssertEqual([counts.alerts, counts.events, counts.cases, counts.outbox], [1, 1, 1, 3])
            XCTAssertEqual(Self.storedFiles(platform), 1, "the retry's snapshot is not kept")

            // Another area's platform cannot read the answer through the id.
            do {
                _ = try await intake.receive(CameraFixture.alert("evt-1", camera: CameraFixture.cameraB),
                                             caller: CameraFixture.machine(CameraFixture.townshipB))
                XCTFail("an id used in another area")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "event_id_taken")
            }
        }
    }

    func testRepeatsWithinTheWindowFoldIntoTheQueuedAlert() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db, clock: Self.clock())
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            try await CameraFixture.prepare(platform)
            let intake = CameraAlertIntake(platform: platform)
            let machine = CameraFixture.machine()
            let first = try await intake.receive(CameraFixture.alert("p-1", confidence: 0.5, snapshot: CameraFixture.jpeg),
                                                 caller: machine)
            let second = try await intake.receive(CameraFixture.alert("p-2", confidence: 0.6, minutes: 10,
                                                                      snapshot: CameraFixture.jpeg), caller: machine)
            let third = try await intake.receive(CameraFixture.alert("p-3", confidence: 0.55, minutes: 39), caller: machine)
            XCTAssertEqual(first.outcome, .queued)
            XCTAssertEqual([second.outcome, third.outcome], [.folded, .folded], "each within 30 minutes of the last")
            XCTAssertEqual(Set([first.alertId, second.alertId, third.alertId]).count, 1)
            XCTAssertEqual(third.eventCount, 3)
            // Another type, or another camera, is another alert.
            let vending = try await intake.receive(CameraFixture.alert("v-1", type: "streetVending", minutes: 40), caller: machine)
            XCTAssertEqual(vending.outcome, .queued)
            XCTAssertNotEqual(vending.alertId, first.alertId)
            // Past the window: a new alert.
            let later = try await intake.receive(CameraFixture.alert("p-4", minutes: 70), caller: machine)
            XCTAssertEqual(later.outcome, .queued)
            XCTAssertNotEqual(later.alertId, first.alertId)

            let alert = try await db.read { try await CameraAlertRepository($0).find(id: first.alertId) }
            XCTAssertEqual(alert?.eventCount, 3)
            XCTAssertEqual(alert?.confidence, 0.6, "the highest confidence")
            XCTAssertEqual(alert?.lastSeenAt, TestPlatform.referenceDate.addingTimeInterval(39 * 60).millisecondsSince1970)
            XCTAssertEqual(Self.storedFiles(platform), 1, "only the first snapshot is kept")

            // A repeat that reaches the threshold lifts the queued alert into a case.
            let lifted = try await intake.receive(CameraFixture.alert("p-5", confidence: 0.85, minutes: 75), caller: machine)
            XCTAssertEqual(lifted.outcome, .opened)
            XCTAssertEqual(lifted.alertId, later.alertId)
            XCTAssertEqual(lifted.eventCount, 2)
            XCTAssertNotNil(lifted.caseNumber)

            // The window is the administrator's to set.
            try await CameraAlertRules(platform: platform).save(
                eventType: "streetVending", threshold: "0.9", urgency: "normal", windowMinutes: "5",
                caller: CameraFixture.person(.systemAdmin, SampleAreas.county))
            let apart = try await intake.receive(CameraFixture.alert("v-2", type: "streetVending", minutes: 46), caller: machine)
            XCTAssertEqual(apart.outcome, .queued, "6 minutes apart with a 5-minute window")
        }
    }

    func testRepeatsOfAnAlertWithACaseAddAProgressNoteNotACase() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db, clock: Self.clock())
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            try await CameraFixture.prepare(platform)
            let intake = CameraAlertIntake(platform: platform)
            let machine = CameraFixture.machine()
            let opened = try await intake.receive(CameraFixture.alert("f-1", type: "smokeFire", confidence: 0.9), caller: machine)
            var last = opened
            for n in 2...4 {
                last = try await intake.receive(
                    CameraFixture.alert("f-\(n)", type: "smokeFire", confidence: 0.7, minutes: Double(n * 5)), caller: machine)
                XCTAssertEqual(last.outcome, .folded)
                XCTAssertEqual(last.caseNumber, opened.caseNumber)
            }
            XCTAssertEqual(last.eventCount, 4)
            let number = try XCTUnwrap(opened.caseNumber)
            let engine = CaseEngine(platform: platform)
            let desk = CameraFixture.person(.dispatcher, SampleAreas.township)
            let view = try await engine.view(caseNumber: number, caller: desk)
            XCTAssertEqual(view.timeline.map(\.type), ["reported", "progress_added", "progress_added", "progress_added"])
            XCTAssertEqual(Set(view.timeline.dropFirst().map(\.actor)), ["system:token:视频平台"])
            XCTAssertEqual(view.version, 4)
            var counts = try await Self.counts(db)
            XCTAssertEqual([counts.alerts, counts.events, counts.cases, counts.outbox], [1, 4, 1, 3], "warned once")

            // Once the case is finished, the next sighting is a new alert and a new case.
            var rejection = CaseCommandBody()
            rejection.reason = "现场核实为烧烤油烟"
            rejection.channel = "phone"
            _ = try await engine.perform(CaseCommandRequest(name: .reject, body: rejection), caseNumber: number, caller: desk)
            let fresh = try await intake.receive(CameraFixture.alert("f-5", type: "smokeFire", confidence: 0.9, minutes: 25),
                                                 caller: machine)
            XCTAssertEqual(fresh.outcome, .opened)
            XCTAssertNotEqual(fresh.caseNumber, number)
            XCTAssertNotEqual(fresh.alertId, opened.alertId)
            counts = try await Self.counts(db)
            XCTAssertEqual([counts.alerts, counts.cases, counts.outbox], [2, 2, 6])
        }
    }

    func testRefusalsLeaveNothingBehind() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db, clock: Self.clock())
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            try await CameraFixture.prepare(platform)
            try await CameraRegistry(platform: platform).register(
                CameraSubmission(code: "RETIRED-1", name: "旧摄像头", gridCode: SampleAreas.grid, active: false),
                caller: CameraFixture.person(.systemAdmin, SampleAreas.county))
            let intake = CameraAlertIntake(platform: platform)
            let machine = CameraFixture.machine(SampleAreas.township)
            let big = CameraFixture.jpeg + Data(repeating: 0, count: CameraAlertSubmission.maximumSnapshotBytes)
            let cases: [(CameraAlertSubmission, Caller, String, String)] = [
                (CameraFixture.alert("x", camera: "NO-SUCH-CAMERA"), machine, "cameraId", "unknown"),
                (CameraFixture.alert("x", camera: CameraFixture.cameraB), machine, "cameraId", "unknown"),
                (CameraFixture.alert("x", camera: "RETIRED-1"), machine, "cameraId", "inactive"),
                (CameraFixture.alert("x", confidence: 1.2), machine, "confidence", "out_of_range"),
                (CameraFixture.alert("x", confidence: -0.1), machine, "confidence", "out_of_range"),
                (CameraFixture.alert("x", type: "alienLanding"), machine, "eventType", "invalid_choice"),
                (CameraFixture.alert("x", snapshot: CameraFixture.executable), machine, "snapshot", "unsupported_type"),
                (CameraFixture.alert("x", snapshot: big), machine, "snapshot", "too_large"),
                (CameraFixture.alert("x", minutes: 200), machine, "occurredAt", "out_of_range"),
                (CameraAlertSubmission(cameraId: CameraFixture.cameraA, eventType: "smokeFire", occurredAt: "昨天", confidence: 0.9),
                 machine, "eventId", "required"),
            ]
            for (submission, caller, field, code) in cases {
                do {
                    _ = try await intake.receive(submission, caller: caller)
                    XCTFail("\(field) \(code) accepted")
                } catch DomainError.validation(let fields) {
                    XCTAssertTrue(fields.contains { $0.field == field && $0.code == code }, "\(field) \(code): \(fields)")
                }
            }
            var malformed = CameraFixture.alert("x")
            malformed.snapshot = "这不是base64!!"
            do {
                _ = try await intake.receive(malformed, caller: machine)
                XCTFail("bad base64 accepted")
            } catch DomainError.validation(let fields) {
                XCTAssertEqual(fields.map(\.code), ["invalid_format"])
            }
            for caller in [CameraFixture.machine(scopes: [.casesReport]), CameraFixture.person(.intakeOperator, SampleAreas.county)] {
                do {
                    _ = try await intake.receive(CameraFixture.alert("x"), caller: caller)
                    XCTFail("\(caller.staff.username) may not send alerts")
                } catch let error as DomainError {
                    XCTAssertEqual(error, .forbidden(permission: .reportCameraAlerts))
                }
            }
            let counts = try await Self.counts(db)
            XCTAssertEqual([counts.alerts, counts.events, counts.cases, counts.outbox], [0, 0, 0, 0])
            XCTAssertEqual(Self.storedFiles(platform), 0)
        }
    }
}
