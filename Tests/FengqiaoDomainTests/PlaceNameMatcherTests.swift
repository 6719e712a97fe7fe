import FengqiaoDomain
import XCTest

final class PlaceNameMatcherTests: XCTestCase {
    private func area(_ code: String, _ level: AreaLevel, _ name: String, _ aliases: [String] = [])
        -> PlaceNameMatcher.KnownArea
    {
        // Test codes are literals; a typo should fail loudly.
        guard let areaCode = AreaCode(code) else { preconditionFailure("bad test code \(code)") }
        return .init(code: areaCode, level: level, name: name, aliases: aliases)
    }

    private lazy var matcher = PlaceNameMatcher(areas: [
        area("150200000000", .city, "包头市", ["包头"]),
        area("150203000000", .county, "昆都仑区", ["昆区"]),
        area("150202000000", .county, "东河区"),
        area("150203004000", .township, "阿尔丁大街街道"),
        area("150203004001", .village, "阿尔丁社区"),
        area("150203004001001", .grid, "阿尔丁社区1号网格", ["1号网格"]),
        area("150203004001002", .grid, "阿尔丁社区2号网格", ["2号网格"]),
        // 新村: same name under two townships in two counties.
        area("150203005000", .township, "少先路街道"),
        area("150203005007", .village, "新村"),
        area("150202006000", .township, "河东镇"),
        area("150202006003", .village, "新村"),
        area("150202006004", .village, "东河"),  // a village whose name lies inside 东河区
    ])

    private func code(_ resolution: PlaceNameMatcher.Resolution) -> String? {
        if case .match(let candidate) = resolution { return candidate.code.rawValue }
        return nil
    }

    func testExactName() {
        XCTAssertEqual(code(matcher.resolve("东河区")), "150202000000")
        XCTAssertEqual(code(matcher.resolve("包头市")), "150200000000")
    }

    func testAlias() {
        guard case .match(let candidate) = matcher.resolve("包头昆区钢铁大街45号") else { return XCTFail() }
        XCTAssertEqual(candidate.code.rawValue, "150203000000")
        XCTAssertEqual(candidate.name, "昆都仑区", "the area's own name, not the alias")
        XCTAssertEqual(candidate.matchedText, "昆区")
        XCTAssertEqual(candidate.level, .county)
    }

    func testDeepestAreaWins() {
        XCTAssertEqual(code(matcher.resolve("包头市昆都仑区阿尔丁大街街道阿尔丁社区12栋")), "150203004001")
        XCTAssertEqual(code(matcher.resolve("昆区阿尔丁社区2号网格3单元")), "150203004001002")
    }

    func testLongestNameWinsOverANameInsideIt() {
        XCTAssertEqual(code(matcher.resolve("东河区西脑包")), "150202000000", "东河 inside 东河区 is not the village")
        XCTAssertEqual(code(matcher.resolve("河东镇东河村口")), "150202006004")
    }

    func testSameNamedVillagesAreSettledByTheirTownshipOrCounty() {
        XCTAssertEqual(code(matcher.resolve("少先路街道新村8号楼")), "150203005007")
        XCTAssertEqual(code(matcher.resolve("河东镇新村")), "150202006003")
        XCTAssertEqual(code(matcher.resolve("东河区新村")), "150202006003", "a county also settles it")
        XCTAssertEqual(code(matcher.resolve("昆区 新村")), "150203005007")
    }

    func testAmbiguousNamesAreReportedWithAllCandidates() {
        guard case .ambiguous(let candidates) = matcher.resolve("新村小区南门") else { return XCTFail() }
        XCTAssertEqual(candidates.map(\.code.rawValue), ["150202006003", "150203005007"])
        XCTAssertTrue(candidates.allSatisfy { $0.name == "新村" && $0.level == .village })
        guard case .ambiguous(let grids) = matcher.resolve("包头1号网格和2号网格之间") else { return XCTFail() }
        XCTAssertEqual(grids.count, 2)
    }

    func testANameThatContradictsTheNamedTownshipFallsBackToTheTownship() {
        // 新村 exists under 少先路街道 and 河东镇 but not under 阿尔丁大街街道.
        XCTAssertEqual(code(matcher.resolve("阿尔丁大街街道新村")), "150203004000")
    }

    func testNoMatch() {
        XCTAssertEqual(matcher.resolve("呼和浩特市赛罕区"), .noMatch)
        XCTAssertEqual(matcher.resolve(""), .noMatch)
        XCTAssertEqual(matcher.resolve("东"), .noMatch)
    }

    func testFullWidthDigitsAndSpacesAreNormalised() {
        XCTAssertEqual(code(matcher.resolve("阿尔丁社区　２号网格")), "150203004001002")
        XCTAssertEqual(code(matcher.resolve("阿尔丁 社区 1 号网格")), "150203004001001")
        XCTAssertEqual(PlaceNameMatcher.normalize("Ａ栋　１２３ｂ"), "A栋123B")
    }

    func testSingleCharacterNamesAreNotIndexed() {
        let tiny = PlaceNameMatcher(areas: [area("150203000000", .county, "昆"), area("150202000000", .county, "东河区")])
        XCTAssertEqual(tiny.resolve("昆仑路"), .noMatch)
        XCTAssertEqual(tiny.areaCount, 2)
    }

    func testAnAreaListedTwiceIsOneCandidate() {
        let doubled = PlaceNameMatcher(areas: [
            area("150203000000", .county, "昆都仑区"), area("150203000000", .county, "昆都仑区", ["昆区"]),
        ])
        XCTAssertEqual(doubled.areaCount, 1)
        XCTAssertEqual(code(doubled.resolve("昆都仑区")), "150203000000")
        XCTAssertEqual(code(doubled.resolve("昆区")), "150203000000")
    }

    func testThirtyThousandNamesResolveByConstruction() throws {
        // 10 townships × 100 villages × 30 grids (31,010 areas); village and grid names repeat across
        // townships, so only the township settles them.
        var known: [PlaceNameMatcher.KnownArea] = []
        for t in 1...10 {
            let township = String(format: "150203%03d000", t)
            known.append(area(township, .township, "第\(t)街道"))
            for v in 1...100 {
                let village = String(format: "150203%03d%03d", t, v)
                known.append(area(village, .village, "幸福\(v)村"))
                for g in 1...30 {
                    known.append(area(village + String(format: "%03d", g), .grid, "幸福\(v)村第\(g)网格"))
                }
            }
        }
        XCTAssertEqual(known.count, 31_010)
        let big = PlaceNameMatcher(areas: known)
        XCTAssertEqual(code(big.resolve("第7街道幸福42村第13网格5号楼")), "150203007042013")
        XCTAssertEqual(code(big.resolve("第7街道幸福42村")), "150203007042")
        guard case .ambiguous(let candidates) = big.resolve("幸福42村第13网格") else { return XCTFail() }
        XCTAssertEqual(candidates.count, 10)
        // 幸福4村 lies inside 幸福42村, so only the longer one counts.
        XCTAssertEqual(code(big.resolve("第3街道幸福42村")), "150203003042")
    }
}
