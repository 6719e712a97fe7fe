import FengqiaoDomain
import XCTest

final class FiveColorBagTests: XCTestCase {
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

    func testTheFiveBagsAsTheCentresPrintThem() {
        XCTAssertEqual(FiveColorBag.allCases.map(\.label), ["建议·蓝", "吐槽·黄", "心愿·绿", "宣传·橙", "服务·红"])
        XCTAssertEqual(Set(FiveColorBag.allCases.map(\.colour)).count, 5)
        for bag in FiveColorBag.allCases {
            XCTAssertTrue(bag.colour.hasPrefix("#") && bag.colour.count == 7, bag.colour)
            XCTAssertFalse(bag.meaning.isEmpty)
            XCTAssertEqual(bag.category, "五色袋·" + bag.chineseName)
        }
        XCTAssertEqual(FiveColorBag.blue.kind, .suggestion)
        XCTAssertEqual(FiveColorBag.orange.kind, .policyInquiry)
    }

    func testABagIsFiledOnTheFiveColourBagChannelUnderItsCategory() throws {
        let report = try ReportSubmission(channel: "qrCode", description: "希望小区里多装几把长椅", bag: "green").validate()
        XCTAssertEqual(report.channel, .fiveColorBag, "a bag is a channel of its own, even from a grid's QR code")
        XCTAssertEqual(report.kind, .livelihood)
        XCTAssertEqual(report.category, "五色袋·心愿")
    }

    func testABagRefusesAnUnknownColourAndAKindBesideIt() {
        XCTAssertEqual(fields(of: ReportSubmission(description: "希望小区里多装几把长椅", bag: "purple")),
                       ["bag": "invalid_choice"])
        XCTAssertEqual(fields(of: ReportSubmission(category: "邻里纠纷", description: "希望小区里多装几把长椅", bag: "blue")),
                       ["bag": "conflict"])
        XCTAssertEqual(fields(of: ReportSubmission(description: "希望小区里多装几把长椅", bag: " ")), ["kind": "required"],
                       "a blank bag (the form's 反映问题) asks for a kind")
    }
}
