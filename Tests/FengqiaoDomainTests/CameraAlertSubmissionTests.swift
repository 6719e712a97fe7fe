import FengqiaoDomain
import Foundation
import XCTest

final class CameraAlertSubmissionTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_795_399_200)  // 2026-11-23 10:00 Beijing
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 7, count: 40)

    func submission(
        type: String? = "illegalParking", time: String? = "2026-11-23T09:58:00+08:00", confidence: Double? = 0.8,
        snapshot: String? = nil, bbox: [Double]? = nil
    ) -> CameraAlertSubmission {
        CameraAlertSubmission(eventId: "evt-1", cameraId: "34020000001320000001", eventType: type, occurredAt: time,
                              confidence: confidence, snapshot: snapshot, bbox: bbox)
    }

    func fields(_ submission: CameraAlertSubmission) -> [String] {
        do {
            _ = try submission.validate(now: Self.now)
            return []
        } catch {
            guard case .validation(let fields) = error else { return ["\(error)"] }
            return fields.map { "\($0.field):\($0.code)" }
        }
    }

    func testAValidAlertIsTyped() throws {
        let base64 = Self.jpeg.base64EncodedString(options: .lineLength64Characters)
        let alert = try submission(type: "浓烟火情", time: "2026-11-23T01:58:00.250Z", snapshot: "data:image/png;base64," + base64,
                                   bbox: [10, 20, 30.5, 40]).validate(now: Self.now)
        XCTAssertEqual(alert.eventType, .smokeFire, "Chinese names are taken")
        XCTAssertEqual(alert.occurredAt, Self.now.addingTimeInterval(-120 + 0.25))
        XCTAssertEqual(alert.snapshot, Self.jpeg, "line breaks ignored")
        XCTAssertEqual(alert.snapshotType, .jpeg, "judged by content, not by the data URL")
        XCTAssertEqual(alert.bbox, [10, 20, 30.5, 40])
        XCTAssertEqual(try submission(confidence: 0).validate(now: Self.now).confidence, 0)
        XCTAssertEqual(try submission(confidence: 1).validate(now: Self.now).confidence, 1)
    }

    func testEveryBadFieldIsNamed() {
        XCTAssertEqual(fields(CameraAlertSubmission()),
                       ["eventId:required", "cameraId:required", "eventType:required", "occurredAt:required", "confidence:required"])
        XCTAssertEqual(fields(submission(type: "车辆乱停")), ["eventType:invalid_choice"])
        XCTAssertEqual(fields(submission(confidence: 1.01)), ["confidence:out_of_range"])
        XCTAssertEqual(fields(submission(confidence: .nan)), ["confidence:out_of_range"])
        XCTAssertEqual(fields(submission(time: "2026-11-23 09:58")), ["occurredAt:invalid_format"], "a time zone is required")
        XCTAssertEqual(fields(submission(time: "2026-11-23T10:06:00+08:00")), ["occurredAt:out_of_range"], "in the future")
        XCTAssertEqual(fields(submission(time: "2026-11-23T10:04:00+08:00")), [], "clock drift is tolerated")
        XCTAssertEqual(fields(submission(time: "2026-11-15T09:00:00+08:00")), ["occurredAt:out_of_range"], "over a week old")
        XCTAssertEqual(fields(submission(bbox: [1, 2, 3])), ["bbox:invalid_format"])
        XCTAssertEqual(fields(submission(bbox: [1, 2, -3, 4])), ["bbox:invalid_format"])
        var control = submission()
        control.eventId = "evt\u{0}1"
        XCTAssertEqual(fields(control), ["eventId:invalid_format"])
        control.eventId = String(repeating: "e", count: 101)
        XCTAssertEqual(fields(control), ["eventId:too_long"])
        control = submission()
        control.cameraId = "../etc/passwd"
        XCTAssertEqual(fields(control), ["cameraId:invalid_format"])
        control = submission()
        control.description = String(repeating: "述", count: 501)
        XCTAssertEqual(fields(control), ["description:too_long"])
    }

    func testSnapshotsAreJudgedByTheirBytesAndSize() {
        let gif = Data("GIF89a".utf8) + Data(repeating: 1, count: 20)
        let pdf = Data("%PDF-1.7\n".utf8)
        let webp = Data("RIFF".utf8) + Data([0, 0, 0, 0]) + Data("WEBPVP8 ".utf8)
        for disguised in [gif, pdf, webp, Data("MZ\u{90}\u{0}".utf8), Data("<svg onload=alert(1)>".utf8)] {
            XCTAssertEqual(fields(submission(snapshot: disguised.base64EncodedString())), ["snapshot:unsupported_type"])
        }
        XCTAssertEqual(fields(submission(snapshot: "****")), ["snapshot:invalid_format"])
        let limit = CameraAlertSubmission.maximumSnapshotBytes
        let justRight = Self.jpeg + Data(repeating: 0, count: limit - Self.jpeg.count)
        XCTAssertEqual(fields(submission(snapshot: justRight.base64EncodedString())), [])
        XCTAssertEqual(fields(submission(snapshot: (justRight + Data([0])).base64EncodedString())), ["snapshot:too_large"])
        XCTAssertEqual(fields(submission(snapshot: "")), [], "an empty snapshot is none")
    }

    func testRulesAndTypes() throws {
        XCTAssertEqual(Set(CameraEventType.allCases.map(\.chineseName)).count, CameraEventType.allCases.count)
        for type in CameraEventType.allCases {
            XCTAssertEqual(CameraEventType(codeOrChineseName: type.chineseName), type)
            let standard = CameraAlertRule.standard(type)
            XCTAssertTrue((0...1).contains(standard.threshold))
            XCTAssertEqual(standard.windowMinutes, 30)
            if type.caseCategory != type.chineseName {
                XCTAssertTrue(type.caseKind.defaultCategories.contains(type.caseCategory), type.rawValue)
            }
        }
        let rule = try CameraAlertRule.validated(.smokeFire, threshold: " 0.5 ", urgency: "critical", windowMinutes: "10")
        XCTAssertTrue(rule.opensCase(confidence: 0.5), "at the threshold")
        XCTAssertFalse(rule.opensCase(confidence: 0.4999))
        XCTAssertEqual(rule.window, 600)
        XCTAssertThrowsError(try CameraAlertRule.validated(.smokeFire, threshold: nil, urgency: "x", windowMinutes: "1441")) { error in
            guard case DomainError.validation(let fields) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(fields.map(\.code), ["required", "invalid_choice", "out_of_range"])
        }
    }

    func testTheAlertScopeGrantsOnlyAlerts() {
        XCTAssertEqual(ApiScope.alertsWrite.permissions, [.reportCameraAlerts])
        XCTAssertEqual(try ApiScope.parse(["alerts.write"]), [.alertsWrite])
        for role in Role.allCases {
            XCTAssertFalse(role.permissions.contains(.reportCameraAlerts), "\(role): machines only")
        }
        for scope in ApiScope.allCases where scope != .alertsWrite {
            XCTAssertFalse(scope.permissions.contains(.reportCameraAlerts), scope.rawValue)
        }
    }
}
