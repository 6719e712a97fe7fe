import FengqiaoDomain
import XCTest

/// 安全感 and 满意度 on a fixture worked out by hand.
final class SurveyFiguresTests: XCTestCase {
    func testFiguresPerTownshipAndTotalMatchTheHandWorkedFixture() {
        let a = AssessedUnit(.township, "150207001000")
        let b = AssessedUnit(.township, "150207002000")
        func answered(_ t: AssessedUnit, _ s: SafetyAnswer, _ m: SatisfactionAnswer) -> SurveyResponse {
            SurveyResponse(township: t, status: .answered, safety: s, satisfaction: m)
        }
        // Township A: 10 sampled. 6 answered, 1 refused, 1 unreachable, 2 pending.
        //   安全感: 安全 3, 比较安全 1, 不太安全 1, 说不清 1 → 4 / 5 = 80.0%
        //   满意度: 满意 2, 基本满意 1, 不满意 2, 说不清 1 → 3 / 5 = 60.0%
        //   应答率 6 / 10 = 60.0%; reached 6 + 1 = 7.
        let townshipA: [SurveyResponse] = [
            answered(a, .safe, .satisfied), answered(a, .safe, .satisfied), answered(a, .safe, .fairlySatisfied),
            answered(a, .fairlySafe, .dissatisfied), answered(a, .notVerySafe, .dissatisfied), answered(a, .unsure, .unsure),
            SurveyResponse(township: a, status: .refused), SurveyResponse(township: a, status: .unreachable),
            SurveyResponse(township: a, status: .pending), SurveyResponse(township: a, status: .pending),
        ]
        // Township B: 3 sampled, 3 answered. 安全感: 安全 1, 不安全 2 → 1/3 = 33.3%; 满意度: 基本满意 2, 不满意 1 → 2/3 = 66.7%.
        let townshipB: [SurveyResponse] = [
            answered(b, .safe, .fairlySatisfied), answered(b, .unsafe, .fairlySatisfied), answered(b, .unsafe, .dissatisfied),
        ]
        let figures = SurveyFigures(townshipB + townshipA)
        XCTAssertEqual(figures.townships.map(\.township), [a, b])
        let rowA = figures.row(for: a)
        XCTAssertEqual(rowA?.sampled, 10)
        XCTAssertEqual(rowA?.reached, 7)
        XCTAssertEqual(rowA?.answered, 6)
        XCTAssertEqual(rowA?.pending, 2)
        XCTAssertEqual(rowA?.responseRate?.description, "60.0%")
        XCTAssertEqual(rowA?.safety?.description, "80.0%")
        XCTAssertEqual(rowA?.satisfaction?.description, "60.0%")
        let rowB = figures.row(for: b)
        XCTAssertEqual(rowB?.safety?.description, "33.3%")
        XCTAssertEqual(rowB?.satisfaction?.description, "66.7%")
        XCTAssertEqual(rowB?.responseRate?.description, "100.0%")
        // Whole area: 13 sampled, 9 answered (69.2%); 安全感 (4 + 1) / (5 + 3) = 62.5%; 满意度 (3 + 2) / (5 + 3) = 62.5%.
        XCTAssertEqual(figures.total.township, nil)
        XCTAssertEqual(figures.total.sampled, 13)
        XCTAssertEqual(figures.total.reached, 10)
        XCTAssertEqual(figures.total.responseRate?.description, "69.2%")
        XCTAssertEqual(figures.total.safety?.tenths, 625)
        XCTAssertEqual(figures.total.satisfaction?.tenths, 625)
    }

    func testNothingToDivideByIsNoFigure() {
        let a = AssessedUnit(.township, "150207001000")
        let figures = SurveyFigures([SurveyResponse(township: a, status: .answered, safety: .unsure, satisfaction: .unsure),
                                     SurveyResponse(township: a, status: .pending)])
        XCTAssertNil(figures.total.safety)
        XCTAssertNil(figures.total.satisfaction)
        XCTAssertEqual(figures.total.responseRate?.description, "50.0%")
        XCTAssertNil(SurveyFigures([]).total.responseRate)
    }

    func testRatesRoundHalfUpToATenthOfAPercent() {
        XCTAssertEqual(SurveyRate(1, of: 8)?.description, "12.5%")
        XCTAssertEqual(SurveyRate(1, of: 2000)?.description, "0.1%", "0.05% rounds up")
        XCTAssertEqual(SurveyRate(2, of: 3)?.description, "66.7%")
        XCTAssertEqual(SurveyRate(1, of: 3)?.description, "33.3%")
        XCTAssertNil(SurveyRate(1, of: 0))
    }
}
