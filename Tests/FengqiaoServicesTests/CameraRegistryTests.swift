import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The camera registry and the alert rules on SQLite and PostgreSQL: configuration by `configureCases`
/// inside the jurisdiction, field errors, and every change audited with before and after.
final class CameraRegistryTests: XCTestCase {
    func testAdministratorsRegisterChangeAndRetireCamerasInTheirArea() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            try await SampleAreas.insert(into: db)
            try await CameraFixture.insertTownshipB(into: db)
            let registry = CameraRegistry(platform: platform)
            let admin = CameraFixture.person(.systemAdmin, SampleAreas.township)
            let camera = try await registry.register(
                CameraSubmission(code: "CAM-1", name: "  东门  ", gridCode: SampleAreas.grid, latitude: "40.605", longitude: "109.805"),
                caller: admin)
            XCTAssertEqual(camera.name, "东门")
            XCTAssertEqual(camera.gridName, "康乐社区第1网格")
            XCTAssertEqual(camera.latitude, 40.605)
            XCTAssertTrue(camera.active)

            let retired = try await registry.update(
                id: camera.id, CameraSubmission(code: "OTHER", name: "东门(停用)", gridCode: SampleAreas.grid, active: false),
                caller: admin)
            XCTAssertEqual(retired.code, "CAM-1", "the platform's code stays")
            XCTAssertFalse(retired.active)
            XCTAssertNil(retired.latitude)
            let listed = try await registry.list(caller: CameraFixture.person(.intakeOperator, SampleAreas.county))
            XCTAssertEqual(listed, [retired])
            let fromPlatform = try await registry.list(caller: CameraFixture.machine())
            XCTAssertEqual(fromPlatform.map(\.code), ["CAM-1"])
            let awayList = try await registry.list(caller: CameraFixture.person(.intakeOperator, CameraFixture.townshipB))
            XCTAssertEqual(awayList, [])

            let audit = try await db.read { sql in
                try await sql.select().column("action").column("summary").from("audit_log")
                    .where("action", .like, "camera.%").orderBy("id").all()
                    .map { (try $0.decode(column: "action", as: String.self), try $0.decode(column: "summary", as: String.self)) }
            }
            XCTAssertEqual(audit.map(\.0), ["camera.create", "camera.update"])
            XCTAssertTrue(audit[1].1.contains(#""before""#) && audit[1].1.contains("东门(停用)") && audit[1].1.contains(#""active":false"#),
                          audit[1].1)
        }
    }

    func testRegistryRefusals() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            try await SampleAreas.insert(into: db)
            try await CameraFixture.insertTownshipB(into: db)
            let registry = CameraRegistry(platform: platform)
            let admin = CameraFixture.person(.systemAdmin, SampleAreas.township)
            let first = try await registry.register(CameraSubmission(code: "CAM-1", name: "东门", gridCode: SampleAreas.grid),
                                                    caller: admin)
            let refusals: [(CameraSubmission, String, String)] = [
                (CameraSubmission(code: "CAM-1", name: "重复", gridCode: SampleAreas.grid), "code", "taken"),
                (CameraSubmission(code: "摄像头 1", name: "东门", gridCode: SampleAreas.grid), "code", "invalid_format"),
                (CameraSubmission(name: "东门", gridCode: SampleAreas.grid), "code", "required"),
                (CameraSubmission(code: "CAM-2", gridCode: SampleAreas.grid), "name", "required"),
                (CameraSubmission(code: "CAM-2", name: String(repeating: "长", count: 61), gridCode: SampleAreas.grid), "name", "too_long"),
                (CameraSubmission(code: "CAM-2", name: "东门", gridCode: CameraFixture.gridB), "gridCode", "unknown"),
                (CameraSubmission(code: "CAM-2", name: "东门", gridCode: "150207001001009"), "gridCode", "unknown"),
                (CameraSubmission(code: "CAM-2", name: "东门", gridCode: SampleAreas.village), "gridCode", "invalid_format"),
                (CameraSubmission(code: "CAM-2", name: "东门", gridCode: SampleAreas.grid, latitude: "91", longitude: "109.8"),
                 "latitude", "out_of_range"),
                (CameraSubmission(code: "CAM-2", name: "东门", gridCode: SampleAreas.grid, latitude: "40.6"), "longitude", "required"),
            ]
            for (submission, field, code) in refusals {
                do {
                    try await registry.register(submission, caller: admin)
                    XCTFail("\(field) \(code) accepted")
                } catch DomainError.validation(let fields) {
                    XCTAssertTrue(fields.contains { $0.field == field && $0.code == code }, "\(field) \(code): \(fields)")
                }
            }
            do {
                try await registry.update(id: first.id, CameraSubmission(name: "东门", gridCode: CameraFixture.gridB), caller: admin)
                XCTFail("moved outside")
            } catch DomainError.validation(let fields) {
                XCTAssertEqual(fields.map(\.code), ["unknown"])
            }
            let away = CameraFixture.person(.systemAdmin, CameraFixture.townshipB)
            do {
                try await registry.update(id: first.id, CameraSubmission(name: "改名", gridCode: CameraFixture.gridB), caller: away)
                XCTFail("changed from outside")
            } catch let error as DomainError {
                XCTAssertEqual(error, .notFound(what: "该摄像头"))
            }
            for caller in [CameraFixture.person(.leader, SampleAreas.county), CameraFixture.machine()] {
                do {
                    try await registry.register(CameraSubmission(code: "CAM-9", name: "东门", gridCode: SampleAreas.grid), caller: caller)
                    XCTFail("\(caller.staff.username) registers cameras")
                } catch let error as DomainError {
                    XCTAssertEqual(error, .forbidden(permission: .configureCases))
                }
            }
            do {
                _ = try await registry.list(caller: CameraFixture.person(.auditor, SampleAreas.county))
                XCTFail("the auditor lists cameras")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "forbidden")
            }
            let count = try await db.read { try await $0.countRows(in: "cameras") }
            XCTAssertEqual(count, 1)
        }
    }

    func testAlertRulesAreDataTheAdministratorSets() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            let rules = CameraAlertRules(platform: platform)
            let admin = CameraFixture.person(.systemAdmin, SampleAreas.county)
            let defaults = try await rules.list(caller: admin)
            XCTAssertEqual(defaults.map(\.eventType), CameraEventType.allCases.map(\.rawValue))
            XCTAssertEqual(defaults.first { $0.eventType == "smokeFire" }?.threshold, 0.6)
            XCTAssertFalse(defaults.contains(where: \.configured))

            let saved = try await rules.save(eventType: "illegalParking", threshold: "0.95", urgency: "urgent",
                                             windowMinutes: "60", caller: admin)
            XCTAssertEqual(saved.threshold, 0.95)
            XCTAssertEqual(saved.urgencyName, "紧急")
            XCTAssertTrue(saved.configured)
            _ = try await rules.save(eventType: "illegalParking", threshold: "0.9", urgency: "normal", windowMinutes: "15",
                                     caller: admin)
            let now = try await rules.list(caller: admin).first { $0.eventType == "illegalParking" }
            XCTAssertEqual(now?.threshold, 0.9)
            XCTAssertEqual(now?.windowMinutes, 15)

            do {
                try await rules.save(eventType: "illegalParking", threshold: "1.5", urgency: "soon", windowMinutes: "0", caller: admin)
                XCTFail("bad rule saved")
            } catch DomainError.validation(let fields) {
                XCTAssertEqual(fields.map(\.field), ["threshold", "urgency", "windowMinutes"])
            }
            do {
                try await rules.save(eventType: "ufo", threshold: "0.5", urgency: "normal", windowMinutes: "5", caller: admin)
                XCTFail("unknown type saved")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "not_found")
            }
            do {
                _ = try await rules.list(caller: CameraFixture.person(.dispatcher, SampleAreas.county))
                XCTFail("a dispatcher configures rules")
            } catch let error as DomainError {
                XCTAssertEqual(error, .forbidden(permission: .configureCases))
            }
            let summaries = try await db.read { sql in
                try await sql.select().column("summary").from("audit_log").where("action", .equal, "camera_alert_rule.update")
                    .orderBy("id").all().map { try $0.decode(column: "summary", as: String.self) }
            }
            XCTAssertEqual(summaries.count, 2)
            XCTAssertTrue(summaries[1].contains(#""urgency":"urgent""#) && summaries[1].contains(#""windowMinutes":15"#), summaries[1])
        }
    }
}
