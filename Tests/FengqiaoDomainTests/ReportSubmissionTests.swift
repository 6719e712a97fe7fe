import FengqiaoDomain
import XCTest

final class ReportSubmissionTests: XCTestCase {
    private func fields(of submission: ReportSubmission) -> [String: String] {
        do {
            _ = try submission.validate()
            XCTFail("expected a validation error")
            return [:]
        } catch {
            guard case .validation(let errors) = error else { XCTFail("\(error)"); return [:] }
            return Dictionary(errors.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func testAValidReportIsTyped() throws {
        let report = try ReportSubmission(
            category: "电动车楼道充电", description: "三单元楼道里每天晚上都有电动车充电", address: " 康乐小区3号楼 ",
            latitude: 40.6, longitude: 109.9, contactPhone: "13812345678"
        ).validate()
        XCTAssertEqual(report.kind, .safetyHazard, "kind follows from the category")
        XCTAssertEqual(report.channel, .web)
        XCTAssertEqual(report.address, "康乐小区3号楼")
        XCTAssertEqual(report.contactPhone?.masked, "138****5678")
        XCTAssertEqual(report.location, Coordinate(latitude: 40.6, longitude: 109.9))
    }

    func testMissingDescriptionAndKindAreBothReported() {
        XCTAssertEqual(fields(of: ReportSubmission()), ["kind": "required", "description": "required"])
    }

    func testEveryFieldIsChecked() {
        let errors = fields(of: ReportSubmission(
            channel: "walkIn", kind: "flood", description: "短", latitude: 91, longitude: 200, gridCode: "12ab",
            contactName: String(repeating: "名", count: 31), contactPhone: "123", idempotencyKey: String(repeating: "k", count: 101)
        ))
        XCTAssertEqual(errors, [
            "channel": "invalid_choice", "kind": "invalid_choice", "description": "too_short", "latitude": "out_of_range",
            "gridCode": "invalid_format", "contactName": "too_long", "contactPhone": "invalid_format",
            "idempotencyKey": "too_long",
        ])
    }

    func testCategoryMustBelongToTheKind() {
        XCTAssertEqual(fields(of: ReportSubmission(kind: "dispute", category: "电动车楼道充电", description: "楼道里有电动车充电")),
                       ["category": "invalid_choice"])
        XCTAssertEqual(fields(of: ReportSubmission(category: "不存在的分类", description: "楼道里有电动车充电")),
                       ["category": "invalid_choice"])
    }

    func testHalfACoordinateIsRejected() {
        XCTAssertEqual(fields(of: ReportSubmission(kind: "dispute", description: "邻居装修噪音扰民", latitude: 40.6)),
                       ["longitude": "required"])
    }

    func testOverlongDescriptionIsRejected() {
        let long = String(repeating: "字", count: ReportSubmission.descriptionLimit + 1)
        XCTAssertEqual(fields(of: ReportSubmission(kind: "dispute", description: long)), ["description": "too_long"])
    }

    func testErrorsCarryChineseMessages() {
        do {
            _ = try ReportSubmission().validate()
        } catch {
            XCTAssertTrue(error.message.contains("2处"), error.message)
            guard case .validation(let errors) = error else { return XCTFail() }
            XCTAssertTrue(errors.allSatisfy { $0.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        }
    }
}
