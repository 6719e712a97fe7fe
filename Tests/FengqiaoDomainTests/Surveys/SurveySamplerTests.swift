@testable import FengqiaoDomain
import XCTest

/// The stratified draw of a call list: each township its share, reproducible from the seed, nobody twice.
final class SurveySamplerTests: XCTestCase {
    let a = AssessedUnit(.township, "150207001000")
    let b = AssessedUnit(.township, "150207002000")
    let c = AssessedUnit(.township, "150207003000")

    func candidates(_ township: AssessedUnit, _ ids: ClosedRange<Int64>, phone: (Int64) -> String = { "1380000\(String(format: "%04d", $0))" })
        -> [SurveyCandidate]
    {
        ids.map { SurveyCandidate(township: township, subjectKind: "person", subjectId: $0, sealedPhone: phone($0), maskedPhone: "138****0000") }
    }

    func draw(_ list: [SurveyCandidate], _ townships: [AssessedUnit], per: Int, seed: UInt64) -> [SurveyCandidate] {
        SurveySampler.draw(list, townships: townships, perTownship: per, seed: seed) { $0.sealedPhone }
    }

    func testEachTownshipDrawsItsShareOrAllItHas() {
        let list = candidates(a, 1...50) + candidates(b, 101...103) + candidates(c, 201...240)
        let drawn = draw(list, [a, b, c], per: 10, seed: 42)
        let counts = Dictionary(grouping: drawn, by: \.township).mapValues(\.count)
        XCTAssertEqual(counts, [a: 10, b: 3, c: 10])
    }

    func testTheSameSeedDrawsTheSameListWhateverTheInputOrder() {
        let list = candidates(a, 1...50) + candidates(b, 101...150)
        let first = draw(list, [a, b], per: 7, seed: 2026)
        XCTAssertEqual(draw(list.reversed(), [b, a], per: 7, seed: 2026), first)
        XCTAssertNotEqual(draw(list, [a, b], per: 7, seed: 2027).map(\.subjectId), first.map(\.subjectId),
                          "another seed draws another list")
    }

    func testTheDrawIsSpreadOverTheStratum() {
        // Not the first n: over several seeds, ids beyond the first ten are drawn.
        let list = candidates(a, 1...100)
        let ids = Set((1...5).flatMap { draw(list, [a], per: 10, seed: UInt64($0)).map(\.subjectId) })
        XCTAssertTrue(ids.contains { $0 > 10 })
        XCTAssertGreaterThan(ids.count, 10)
    }

    func testOnlyTheAreasTownshipsAreDrawn() {
        let list = candidates(a, 1...5) + candidates(c, 201...205)
        let drawn = draw(list, [a], per: 10, seed: 1)
        XCTAssertEqual(Set(drawn.map(\.township)), [a])
        XCTAssertEqual(drawn.count, 5)
    }

    func testNoPhoneAndNoSubjectIsDrawnTwice() {
        // Ten people share five phones (families): at most five calls; a subject listed twice counts once.
        let shared = candidates(a, 1...10) { "1390000000\($0 % 5)" }
        let drawn = draw(shared + shared, [a], per: 10, seed: 9)
        XCTAssertEqual(drawn.count, 5)
        XCTAssertEqual(Set(drawn.map(\.sealedPhone)).count, 5)
        XCTAssertEqual(Set(drawn.map(\.subjectId)).count, 5)
        // A phone drawn in one township is not called again in another.
        let across = candidates(a, 1...1) { _ in "13900000001" } + candidates(b, 2...2) { _ in "13900000001" }
        XCTAssertEqual(draw(across, [a, b], per: 5, seed: 3).count, 1)
    }

    func testPhonesAreOpenedOnlyForThoseTheDrawReaches() {
        var opened = 0
        _ = SurveySampler.draw(candidates(a, 1...1000), townships: [a], perTownship: 3, seed: 5) { candidate in
            opened += 1
            return candidate.sealedPhone
        }
        XCTAssertEqual(opened, 3)
    }
}
