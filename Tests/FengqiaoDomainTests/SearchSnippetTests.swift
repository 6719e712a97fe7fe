import FengqiaoDomain
import XCTest

final class SearchSnippetTests: XCTestCase {
    func testLongDigitRunsAreHiddenAndShortOnesKept() {
        XCTAssertEqual(SearchSnippet.masked("电话13812345678,3号楼502室"), "电话＊＊＊,3号楼502室")
        XCTAssertEqual(SearchSnippet.masked("身份证15020719800101003X。"), "身份证＊＊＊。")
        XCTAssertEqual(SearchSnippet.masked("手机 138-1234-5678 或 138 1234 5678"), "手机 ＊＊＊ 或 ＊＊＊")
        XCTAssertEqual(SearchSnippet.masked("全角１３８１２３４５６７８"), "全角＊＊＊")
        XCTAssertEqual(SearchSnippet.masked("2026-11-24 报"), "2026-11-24 报", "a date is 8 digits with hyphens…")
    }

    func testTheSnippetStartsNearTheMatchAndIsCut() {
        let text = String(repeating: "甲", count: 100) + "漏水" + String(repeating: "乙", count: 100)
        let snippet = SearchSnippet.make(text, term: "漏水")
        XCTAssertTrue(snippet.hasPrefix("…" + String(repeating: "甲", count: 20) + "漏水"))
        XCTAssertTrue(snippet.hasSuffix("…"))
        XCTAssertEqual(SearchSnippet.make("短", term: nil), "短")
    }

    func testSearchTermsAreTrimmedAndBounded() throws {
        XCTAssertEqual(try SearchTerm(" 漏水 ").text, "漏水")
        XCTAssertThrowsError(try SearchTerm(nil))
        XCTAssertThrowsError(try SearchTerm(" \n"))
        XCTAssertThrowsError(try SearchTerm(String(repeating: "a", count: 51)))
        XCTAssertEqual(try SearchTerm(String(repeating: "a", count: 50)).text.count, 50)
    }
}
