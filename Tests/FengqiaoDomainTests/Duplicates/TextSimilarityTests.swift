import FengqiaoDomain
import XCTest

/// Bigram (Dice) similarity of Chinese text, with punctuation, spaces, full-width letters and ASCII mixed in.
final class TextSimilarityTests: XCTestCase {
    func testIdenticalTextIsOneAndDisjointTextIsZero() {
        XCTAssertEqual(TextSimilarity.of("楼道堆放杂物影响通行", "楼道堆放杂物影响通行"), 1)
        XCTAssertEqual(TextSimilarity.of("楼道堆放杂物", "路灯不亮"), 0)
    }

    func testDiceOverBigrams() {
        // 楼道堆物: 楼道 道堆 堆物 (3); 楼道堆放杂物: 楼道 道堆 堆放 放杂 杂物 (5); shared 2 → 4/8.
        XCTAssertEqual(TextSimilarity.of("楼道堆物", "楼道堆放杂物"), 0.5, accuracy: 1e-9)
        // Symmetric.
        XCTAssertEqual(TextSimilarity.of("楼道堆放杂物", "楼道堆物"), 0.5, accuracy: 1e-9)
    }

    func testRepeatedBigramsCountAsOftenAsTheyOccur() {
        // 哈哈哈: 哈哈 ×2; 哈哈: 哈哈 ×1 → 2·1/3.
        XCTAssertEqual(TextSimilarity.of("哈哈哈", "哈哈"), 2.0 / 3.0, accuracy: 1e-9)
    }

    func testPunctuationWhitespaceAndWidthAreIgnored() {
        XCTAssertEqual(TextSimilarity.of("楼道堆物,影响通行。", "楼道 堆物 影响通行"), 1)
        XCTAssertEqual(TextSimilarity.of("3号楼 Wi-Fi 信号差!", "3号楼wifi信号差"), 1)
        XCTAssertEqual(TextSimilarity.of("ＡＢＣ小区停车难", "abc小区停车难"), 1, "full-width letters fold to ASCII")
        XCTAssertEqual(TextSimilarity.of("《噪音》扰民……", "噪音扰民"), 1)
    }

    func testMixedChineseAndASCII() {
        let a = "阳光花园3号楼电梯故障,困人10分钟"
        let b = "阳光花园3号楼的电梯又故障了"
        let c = "KTV夜间噪音扰民"
        XCTAssertGreaterThan(TextSimilarity.of(a, b), 0.4)
        XCTAssertLessThan(TextSimilarity.of(a, c), 0.1)
        XCTAssertGreaterThan(TextSimilarity.of("KTV夜间噪音扰民", "ktv 夜间噪音 扰民严重"), 0.7)
    }

    func testOneCharacterAndEmptyText() {
        XCTAssertEqual(TextSimilarity.of("水", "水"), 1, "a single character is compared as itself")
        XCTAssertEqual(TextSimilarity.of("水", "电"), 0)
        XCTAssertEqual(TextSimilarity.of("水", "水管漏水"), 0, "one character against bigrams shares nothing")
        XCTAssertEqual(TextSimilarity.of("", ""), 0, "empty text is like nothing")
        XCTAssertEqual(TextSimilarity.of("", "楼道堆物"), 0)
        XCTAssertEqual(TextSimilarity.of(",。!  ", ",。!"), 0, "punctuation only is empty")
        XCTAssertTrue(TextSimilarity("  ,。").isEmpty)
        XCTAssertFalse(TextSimilarity("水").isEmpty)
    }

    func testSimilarityStaysWithinBounds() {
        let texts = ["", "水", "水水", "楼道堆物", "abc", "楼道堆物楼道堆物", "a1b2c3", "🚒消防通道被占用🚗"]
        for a in texts {
            for b in texts {
                let s = TextSimilarity.of(a, b)
                XCTAssertTrue((0...1).contains(s), "\(a) / \(b): \(s)")
                XCTAssertEqual(s, TextSimilarity.of(b, a), accuracy: 1e-12)
            }
        }
    }

    func testAddressKeys() {
        XCTAssertEqual(AddressKey("阳光花园 3号楼、2单元"), AddressKey("阳光花园3号楼2单元"))
        XCTAssertEqual(AddressKey("阳光花园３号楼"), AddressKey("阳光花园3号楼"))
        XCTAssertNotEqual(AddressKey("阳光花园3号楼"), AddressKey("阳光花园4号楼"))
        XCTAssertNil(AddressKey(nil))
        XCTAssertNil(AddressKey(" ,。 "))
    }
}
