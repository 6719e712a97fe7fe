import FengqiaoDomain
import XCTest

/// Which cases count as likely duplicates of a report, and their scores and reasons.
final class DuplicateScoringTests: XCTestCase {
    let grid = "150207001001001"

    func profile(grid: String? = "150207001001001", address: String? = "阳光花园3号楼", _ text: String,
                 kind: String = "dispute", category: String = "邻里纠纷") -> DuplicateProfile {
        DuplicateProfile(gridCode: grid, address: address, description: text, kind: kind, category: category)
    }

    func testSamePlaceSimilarTextAndCategoryScoresHigh() throws {
        let match = try XCTUnwrap(DuplicateScoring.match(profile("楼上邻居装修噪音扰民"), profile("楼上邻居装修噪音扰民严重")))
        XCTAssertGreaterThanOrEqual(match.score, 90)
        XCTAssertLessThanOrEqual(match.score, 100)
        XCTAssertEqual(Array(match.reasons.dropFirst()), ["地址相同", "同一网格", "事项分类相同"])
        XCTAssertTrue(match.reasons[0].hasPrefix("描述相似度"))
    }

    func testGridOnlyOrAddressOnlyScoreLess() throws {
        let report = profile("楼上邻居装修噪音扰民")
        let gridOnly = try XCTUnwrap(DuplicateScoring.match(report, profile(address: "阳光花园9号楼", "楼上邻居装修噪音扰民")))
        let addressOnly = try XCTUnwrap(DuplicateScoring.match(report, profile(grid: "150207001001002", "楼上邻居装修噪音扰民")))
        let both = try XCTUnwrap(DuplicateScoring.match(report, profile("楼上邻居装修噪音扰民")))
        XCTAssertEqual(gridOnly.reasons, ["描述相似度100%", "同一网格", "事项分类相同"])
        XCTAssertEqual(addressOnly.reasons, ["描述相似度100%", "地址相同", "事项分类相同"])
        XCTAssertLessThan(gridOnly.score, addressOnly.score)
        XCTAssertLessThan(addressOnly.score, both.score)
        XCTAssertEqual(both.score, 100)
    }

    func testAnotherCategoryOfTheSameKindScoresFive() throws {
        let a = try XCTUnwrap(DuplicateScoring.match(profile("楼上邻居装修噪音扰民"),
                                                    profile("楼上邻居装修噪音扰民", category: "物业纠纷")))
        XCTAssertEqual(a.score, 95)
        XCTAssertEqual(a.reasons.last, "事件类型相同")
        let b = try XCTUnwrap(DuplicateScoring.match(profile("楼上邻居装修噪音扰民"),
                                                    profile("楼上邻居装修噪音扰民", kind: "urban", category: "噪音")))
        XCTAssertEqual(b.score, 90)
        XCTAssertFalse(b.reasons.contains { $0.contains("类") })
    }

    func testUnrelatedTextAtTheSamePlaceIsNoDuplicate() {
        XCTAssertNil(DuplicateScoring.match(profile("楼上邻居装修噪音扰民"), profile("小区路灯损坏夜间无照明")))
    }

    func testSimilarTextElsewhereIsNoDuplicate() {
        XCTAssertNil(DuplicateScoring.match(profile("楼上邻居装修噪音扰民"),
                                            profile(grid: "150207001001002", address: "幸福小区1号楼", "楼上邻居装修噪音扰民")))
        XCTAssertNil(DuplicateScoring.match(profile(grid: nil, address: nil, "楼上邻居装修噪音扰民"),
                                            profile(grid: nil, address: nil, "楼上邻居装修噪音扰民")),
                     "no place known on either side: nothing to match on")
    }

    func testEmptyDescriptionsNeverMatch() {
        XCTAssertNil(DuplicateScoring.match(profile("。。。"), profile("!!!")))
    }
}
