import FengqiaoDomain
import Foundation
import XCTest

final class SLAPresetTests: XCTestCase {
    func testHotlineLimitsPerUrgency() {
        func limit(_ kind: ClockKind, _ urgency: Urgency) -> ClockLimit? {
            SLAPreset.for(kind: kind, category: .hotline, urgency: urgency)
        }
        XCTAssertEqual(limit(.signFor, .critical), .workingHours(1))
        XCTAssertEqual(limit(.handling, .critical), .workingDays(1))
        XCTAssertEqual(limit(.signFor, .urgent), .workingHours(2))
        XCTAssertEqual(limit(.handling, .urgent), .workingDays(3))
        XCTAssertEqual(limit(.signFor, .normal), .workingHours(4))
        XCTAssertEqual(limit(.handling, .normal), .workingDays(15))
        for urgency in Urgency.allCases {
            let preset = SLAPreset.for(category: .hotline, urgency: urgency)
            XCTAssertEqual(Set(preset.limits.keys), Set(ClockKind.stages), "every stage has a clock")
            XCTAssertNil(preset.maximumExtension)
            XCTAssertTrue(preset.basis.contains("默认"))
        }
    }

    /// 信访: 15 days to decide on acceptance, 60 to handle, extensions up to 30, in working days (issue 8).
    func testPetitionLimits() {
        for urgency in Urgency.allCases {
            let preset = SLAPreset.for(category: .petition, urgency: urgency)
            XCTAssertEqual(preset.limit(for: .acceptance), .workingDays(15))
            XCTAssertEqual(preset.limit(for: .handling), .workingDays(60))
            XCTAssertEqual(preset.maximumExtension, .workingDays(30))
            XCTAssertEqual(
                preset.limit(for: .signFor), SLAPreset.for(kind: .signFor, category: .hotline, urgency: urgency))
            XCTAssertTrue(preset.basis.contains("《信访工作条例》"))
            XCTAssertTrue(preset.basis.contains("按工作日计算"), preset.basis)
            XCTAssertFalse(preset.basis.contains("自然日"), preset.basis)
        }
    }

    func testPeopleMediationLimits() {
        XCTAssertEqual(SLAPreset.for(kind: .handling, category: .peopleMediation, urgency: .urgent), .calendarDays(30))
        XCTAssertEqual(SLAPreset.for(kind: .acceptance, category: .peopleMediation, urgency: .urgent), .workingHours(2))
        XCTAssertNil(SLAPreset.for(category: .peopleMediation, urgency: .normal).maximumExtension)
    }

    func testTheCatalogueIsValidAndRoundTrips() throws {
        XCTAssertEqual(SLAPreset.catalogue.count, 9)
        XCTAssertEqual(Set(SLAPreset.catalogue.map(\.name)).count, 9)
        for preset in SLAPreset.catalogue {
            XCTAssertEqual(preset.validate(), [], preset.name)
            let data = try JSONEncoder().encode(preset)
            XCTAssertEqual(try JSONDecoder().decode(SLAPreset.self, from: data), preset)
        }
        let json = String(
            decoding: try JSONEncoder().encode(SLAPreset.for(category: .petition, urgency: .normal)), as: UTF8.self)
        XCTAssertTrue(json.contains(#""handling":{"#), json)
        XCTAssertTrue(json.contains(#""unit":"workingDays""#), json)
    }

    func testValidationOfAnEditedPreset() {
        var preset = SLAPreset.for(category: .petition, urgency: .normal)
        preset.name = "  "
        preset.limits[.signFor] = .workingHours(0)
        preset.limits[.handling] = .calendarDays(731)
        preset.maximumExtension = .workingDays(5)
        XCTAssertEqual(
            preset.validate().map { "\($0.field) \($0.code)" },
            [
                "name required", "limits.signFor out_of_range", "limits.handling out_of_range",
                "maximumExtension unit_mismatch",
            ])
        XCTAssertEqual(ClockLimit.workingHours(0).validate(field: "x").first?.message, "时限须为1至650个工作小时")
        XCTAssertEqual(ClockLimit.calendarDays(60).description, "60日")
        XCTAssertNil(ClockLimit.calendarDays(60).adding(.workingDays(1)))
        XCTAssertThrowsError(
            try JSONDecoder().decode(ClockLimit.self, from: Data(#"{"unit":"weeks","amount":1}"#.utf8)))
    }
}
