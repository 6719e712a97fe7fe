import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The operators' queue on SQLite and PostgreSQL: confirm makes a case reported by the operator with the
/// snapshot and 三同步, dismiss needs a reason, each alert is decided once, and an operator outside the
/// camera's grid sees nothing and reaches nothing.
final class CameraAlertQueueTests: XCTestCase {
    /// Two queued alerts: one from the camera in township A (with a snapshot), one from township B.
    static func queued(_ platform: Platform) async throws -> (inside: Int64, outside: Int64) {
        try await CameraFixture.prepare(platform)
        let intake = CameraAlertIntake(platform: platform)
        let inside = try await intake.receive(
            CameraFixture.alert("q-1", type: "eBikeIndoors", confidence: 0.5, minutes: -30, snapshot: CameraFixture.jpeg),
            caller: CameraFixture.machine())
        let outside = try await intake.receive(CameraFixture.alert("q-2", camera: CameraFixture.cameraB, minutes: -20),
                                               caller: CameraFixture.machine())
        return (inside.alertId, outside.alertId)
    }

    func testConfirmingMakesACaseReportedByTheOperatorAndWarnsTheGrid() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let (inside, _) = try await Self.queued(platform)
            let queue = CameraAlertQueue(platform: platform)
            let desk = CameraFixture.person(.intakeOperator, SampleAreas.township, id: 42, name: "李受理")
            let page = try await queue.page(view: nil, cursor: nil, caller: desk)
            XCTAssertEqual(page.items.map(\.id), [inside], "only the township's camera")
            XCTAssertEqual(page.items.first?.cameraName, "康乐社区东门")
            XCTAssertEqual(page.items.first?.eventTypeName, "电动车进楼")
            XCTAssertEqual(page.items.first?.hasSnapshot, true)
            let picture = try await queue.snapshot(id: inside, caller: desk)
            XCTAssertEqual(picture.data, CameraFixture.jpeg)
            XCTAssertEqual(picture.type, .jpeg)

            let confirmed = try await queue.confirm(id: inside, caller: desk)
            XCTAssertEqual(confirmed.state, "confirmed")
            XCTAssertEqual(confirmed.decidedBy, "account:42:李受理")
            let number = try XCTUnwrap(confirmed.caseNumber)
            let view = try await CaseEngine(platform: platform).view(caseNumber: number, caller: desk)
            XCTAssertEqual(view.kind, "safetyHazard")
            XCTAssertEqual(view.category, "电动车楼道充电")
            XCTAssertEqual(view.urgency, "urgent")
            XCTAssertEqual(view.timeline.map(\.actor), ["account:42:u42"], "reported by the operator")
            XCTAssertEqual(view.attachments?.map(\.sha256).count, 1)
            let caseId = try await db.read { try await CaseRepository($0).find(number: number)?.id }
            let outbox = try await db.read { try await NotificationOutboxRepository($0).messages(caseId: caseId ?? 0) }
            XCTAssertEqual(outbox.map(\.channel), ["app", "sms", "call"])
            XCTAssertEqual(Set(outbox.map(\.recipient)), ["grid:\(SampleAreas.grid)"])

            do {
                _ = try await queue.confirm(id: inside, caller: desk)
                XCTFail("decided once")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "alert_decided")
            }
            do {
                _ = try await queue.dismiss(id: inside, reason: "误报", caller: desk)
                XCTFail("decided once")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "alert_decided")
            }
            let queuedNow = try await queue.page(view: "queued", cursor: nil, caller: desk)
            XCTAssertEqual(queuedNow.items, [])
            let decided = try await queue.page(view: "decided", cursor: nil, caller: desk)
            XCTAssertEqual(decided.items.map(\.caseNumber), [number])
            let actions = try await db.read { sql in
                try await sql.select().column("action").from("audit_log").where("actor", .equal, "u42").orderBy("id").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            XCTAssertEqual(actions, ["case.open", "camera_alert.confirm"])
        }
    }

    func testDismissingNeedsAReasonAndIsAudited() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let (inside, _) = try await Self.queued(platform)
            let queue = CameraAlertQueue(platform: platform)
            let desk = CameraFixture.person(.dispatcher, SampleAreas.county)
            for reason in [nil, "  ", String(repeating: "长", count: 201)] {
                do {
                    _ = try await queue.dismiss(id: inside, reason: reason, caller: desk)
                    XCTFail("reason \(reason ?? "nil")")
                } catch DomainError.validation(let fields) {
                    XCTAssertEqual(fields.map(\.field), ["reason"])
                }
            }
            let dismissed = try await queue.dismiss(id: inside, reason: "误报:树影晃动", caller: desk)
            XCTAssertEqual(dismissed.state, "dismissed")
            XCTAssertEqual(dismissed.dismissReason, "误报:树影晃动")
            XCTAssertNil(dismissed.caseNumber)
            let (cases, summary) = try await db.read { sql in
                (try await sql.countRows(in: "cases"),
                 try await sql.select().column("summary").from("audit_log").where("action", .equal, "camera_alert.dismiss")
                    .first()?.decode(column: "summary", as: String.self))
            }
            XCTAssertEqual(cases, 0)
            XCTAssertTrue(summary?.contains("树影") ?? false, summary ?? "no audit")

            // A dismissed alert does not take repeats: the next sighting is a new alert.
            let next = try await CameraAlertIntake(platform: platform).receive(
                CameraFixture.alert("q-3", type: "eBikeIndoors", confidence: 0.5, minutes: -25), caller: CameraFixture.machine())
            XCTAssertEqual(next.outcome, .queued)
            XCTAssertNotEqual(next.alertId, inside)
        }
    }

    func testOperatorsOutsideTheCamerasGridSeeAndReachNothing() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            defer { try? FileManager.default.removeItem(at: platform.uploads.directory) }
            let (inside, outside) = try await Self.queued(platform)
            let queue = CameraAlertQueue(platform: platform)
            let away = CameraFixture.person(.intakeOperator, CameraFixture.townshipB)
            let page = try await queue.page(view: "all", cursor: nil, caller: away)
            XCTAssertEqual(page.items.map(\.id), [outside])
            for attempt in 0..<4 {
                do {
                    switch attempt {
                    case 0: _ = try await queue.alert(id: inside, caller: away)
                    case 1: _ = try await queue.confirm(id: inside, caller: away)
                    case 2: _ = try await queue.dismiss(id: inside, reason: "误报", caller: away)
                    default: _ = try await queue.snapshot(id: inside, caller: away)
                    }
                    XCTFail("attempt \(attempt) reached an alert outside")
                } catch let error as DomainError {
                    XCTAssertEqual(error, .notFound(what: "该预警"), "attempt \(attempt)")
                }
            }
            // Who may work the queue at all: people who register cases, never a machine.
            for caller in [CameraFixture.person(.gridWorker, SampleAreas.county), CameraFixture.person(.systemAdmin, SampleAreas.county),
                           CameraFixture.machine(scopes: [.casesReport]), CameraFixture.machine()] {
                do {
                    _ = try await queue.page(view: nil, cursor: nil, caller: caller)
                    XCTFail("\(caller.staff.username) works the queue")
                } catch let error as DomainError {
                    XCTAssertEqual(error, .forbidden(permission: .acceptCases))
                }
            }
            do {
                _ = try await queue.page(view: "everything", cursor: nil, caller: away)
                XCTFail("unknown view")
            } catch DomainError.validation(let fields) {
                XCTAssertEqual(fields.map(\.field), ["state"])
            }
            let state = try await db.read { try await CameraAlertRepository($0).find(id: inside)?.state }
            XCTAssertEqual(state, "queued")
        }
    }
}
