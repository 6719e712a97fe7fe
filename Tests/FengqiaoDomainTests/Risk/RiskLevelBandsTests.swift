import FengqiaoDomain
import XCTest

final class RiskLevelBandsTests: XCTestCase {
    func testTheHighestMarkReachedGivesTheLevel() {
        let bands = RiskLevelBands(blue: 3, yellow: 5, orange: 10, red: 20)
        XCTAssertNil(bands.level(for: 2.99))
        XCTAssertEqual(bands.level(for: 3), .blue)
        XCTAssertEqual(bands.level(for: 4), .blue)
        XCTAssertEqual(bands.level(for: 5), .yellow)
        XCTAssertEqual(bands.level(for: 19), .orange)
        XCTAssertEqual(bands.level(for: 20), .red)
        XCTAssertEqual(bands.level(for: 1_000), .red)
    }

    func testALevelLeftOutIsSkipped() {
        let bands = RiskLevelBands(blue: 2, red: 6)
        XCTAssertEqual(bands.level(for: 5), .blue)
        XCTAssertEqual(bands.level(for: 6), .red)
    }

    func testMarksMustBePositiveAndRise() {
        XCTAssertEqual(RiskLevelBands(blue: 3, yellow: 5, orange: 10, red: 20).problems(field: "cluster"), [])
        XCTAssertEqual(RiskLevelBands(blue: 0).problems(field: "c").map(\.field), ["c.blue"])
        XCTAssertEqual(RiskLevelBands(blue: .nan).problems(field: "c").map(\.code), ["out_of_range"])
        let falling = RiskLevelBands(blue: 5, yellow: 5, orange: 4).problems(field: "c")
        XCTAssertEqual(falling.map(\.field), ["c.yellow", "c.orange"])
        XCTAssertEqual(falling.map(\.code), ["not_increasing", "not_increasing"])
        XCTAssertTrue(falling[0].message.contains("黄色"))
    }

    func testLevelsAreOrdered() {
        XCTAssertEqual(RiskLevel.allCases.sorted(), [.blue, .yellow, .orange, .red])
        XCTAssertEqual([RiskLevel.orange, .blue, .red].max(), .red)
    }
}
