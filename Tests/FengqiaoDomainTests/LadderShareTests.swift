import FengqiaoDomain
import Foundation
import XCTest

/// The share resolved at or below each tier, and the 95%-at-village target in exact integers.
final class LadderShareTests: XCTestCase {
    func testCumulativeSharesGridFirst() {
        let share = LadderShare(resolvedByTier: [.grid: 6, .village: 2, .county: 2])
        XCTAssertEqual(share.resolved, 10)
        XCTAssertEqual(share.rungs.map(\.tier), [.grid, .village, .township, .county, .city])
        XCTAssertEqual(share.rungs.map(\.resolved), [6, 2, 0, 2, 0])
        XCTAssertEqual(share.rungs.map(\.resolvedAtOrBelow), [6, 8, 8, 10, 10])
        XCTAssertEqual(share.share(atOrBelow: .grid), 0.6)
        XCTAssertEqual(share.share(atOrBelow: .village), 0.8)
        XCTAssertEqual(share.share(atOrBelow: .city), 1)
        XCTAssertEqual(share.villageTargetMet, false)
    }

    func testTheVillageTargetIsMetAtExactlyNinetyFivePercent() {
        XCTAssertEqual(LadderShare.villageTargetPercent, 95)
        XCTAssertEqual(LadderShare(resolvedByTier: [.grid: 90, .village: 5, .township: 5]).villageTargetMet, true)
        XCTAssertEqual(LadderShare(resolvedByTier: [.grid: 90, .village: 4, .township: 6]).villageTargetMet, false)
        XCTAssertEqual(LadderShare(resolvedByTier: [.village: 19, .city: 1]).villageTargetMet, true)
        XCTAssertEqual(LadderShare(resolvedByTier: [.village: 1]).villageTargetMet, true)
    }

    func testNothingResolvedHasNoShares() {
        let empty = LadderShare(resolvedByTier: [:])
        XCTAssertEqual(empty.resolved, 0)
        XCTAssertEqual(empty.rungs.map(\.resolvedAtOrBelow), [0, 0, 0, 0, 0])
        XCTAssertNil(empty.share(atOrBelow: .village))
        XCTAssertNil(empty.villageTargetMet)
        let negative = LadderShare(resolvedByTier: [.grid: -3, .township: 2])
        XCTAssertEqual(negative.rungs.map(\.resolved), [0, 0, 2, 0, 0], "negative counts are taken as 0")
    }
}
