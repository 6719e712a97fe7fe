import FengqiaoDomain
import XCTest

final class RiskRuleBookSubmissionTests: XCTestCase {
    func testTheFormShowsABookAndReadsItBack() throws {
        let fields = RiskRuleBookSubmission.fields(of: .standard)
        XCTAssertEqual(fields["cluster.windowDays"], "30")
        XCTAssertEqual(fields["mass.amount.red"], "5000000")
        XCTAssertTrue(fields["keyword.lexicon"]?.hasPrefix("") ?? false)
        XCTAssertEqual(try RiskRuleBookSubmission.book(from: fields), .standard)
    }

    func testChangesAreRead() throws {
        var fields = RiskRuleBookSubmission.fields(of: .standard)
        fields["cluster.enabled"] = nil
        fields["hotspot.windowDays"] = "14"
        fields["hotspot.red"] = ""
        fields["keyword.lexicon"] = "讨薪 黄\n  跳楼   红 \n\n围堵 orange"
        fields["keyPerson.drugUser"] = ""
        let book = try RiskRuleBookSubmission.book(from: fields)
        XCTAssertFalse(book.cluster.enabled)
        XCTAssertEqual(book.hotspot.windowDays, 14)
        XCTAssertNil(book.hotspot.bands.red)
        XCTAssertEqual(book.keyword.lexicon, ["讨薪": .yellow, "跳楼": .red, "围堵": .orange])
        XCTAssertNil(book.keyPerson.tags[.drugUser])
    }

    func testEveryMistakeIsReportedAtOnce() {
        var fields = RiskRuleBookSubmission.fields(of: .standard)
        fields["cluster.windowDays"] = "三十"
        fields["hotspot.windowDays"] = "400"
        fields["repeated.blue"] = ""
        fields["surge.yellow"] = "1"  // below blue (2)
        fields["mass.people.orange"] = "many"
        fields["keyword.lexicon"] = "跳楼\n讨薪 紫"
        fields["keyPerson.keyPerson"] = "绿"
        XCTAssertThrowsError(try RiskRuleBookSubmission.book(from: fields)) { error in
            guard case DomainError.validation(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(Set(problems.map(\.field)), [
                "cluster.windowDays", "hotspot.windowDays", "repeated.blue", "surge.yellow", "mass.people.orange",
                "keyword.lexicon", "keyPerson.keyPerson",
            ])
            XCTAssertEqual(problems.filter { $0.field == "keyword.lexicon" }.count, 2)
            XCTAssertTrue(problems.allSatisfy { !$0.message.isEmpty })
        }
    }
}
