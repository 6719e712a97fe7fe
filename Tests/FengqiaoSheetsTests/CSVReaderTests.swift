import Foundation
import XCTest

@testable import FengqiaoSheets

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, limits: SheetLimits = .standard) throws -> SheetTable {
        try CSVReader(limits: limits).read(Data(text.utf8))
    }

    private func assertThrows(
        _ expected: SheetError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? SheetError, expected, file: file, line: line)
        }
    }

    func testQuotedFieldsDoubledQuotesAndEmbeddedNewlines() throws {
        let table = try read("名称,说明\r\n\"A,1\",\"他说\"\"好\"\"\"\r\n\"多\r\n行\",\"x\ny\"\r\n")
        XCTAssertEqual(table.header, ["名称", "说明"])
        XCTAssertEqual(table.rows.map(\.cells), [["A,1", "他说\"好\""], ["多\r\n行", "x\ny"]])
        XCTAssertEqual(table.rows.map(\.number), [2, 3])
    }

    func testCRAndLFAndCRLFLineEndsAndTrailingEmptyLines() throws {
        let table = try read("a,b\rc,d\ne,f\r\ng,h\r\n\r\n\n\n")
        XCTAssertEqual(table.rows.map(\.cells), [["c", "d"], ["e", "f"], ["g", "h"]])
        XCTAssertEqual(table.rows.map(\.number), [2, 3, 4])
    }

    func testLastLineWithoutLineBreakAndEmptyTrailingField() throws {
        let table = try read("a,b\n1,")
        XCTAssertEqual(table.rows.map(\.cells), [["1", ""]])
    }

    func testBlankLinesInTheMiddleKeepExcelRowNumbers() throws {
        let table = try read("a,b\n\n,\n1,2\n")
        XCTAssertEqual(table.rows.count, 1)
        XCTAssertEqual(table.rows.first?.number, 4)
        XCTAssertEqual(table.rows.first?.reference(column: 1), "B4")
    }

    func testUTF8WithAndWithoutBOM() throws {
        let withBOM = Data([0xEF, 0xBB, 0xBF]) + Data("姓名,电话\n张三,010\n".utf8)
        let plain = Data("姓名,电话\n张三,010\n".utf8)
        for data in [withBOM, plain] {
            let table = try CSVReader().read(data)
            XCTAssertEqual(table.header, ["姓名", "电话"])
            XCTAssertEqual(table.rows.first?.cells, ["张三", "010"])
        }
    }

    func testUTF16LittleEndianWithBOM() throws {
        let data = Data([0xFF, 0xFE]) + "姓名\t电话\r\n张三\t1\r\n".data(using: .utf16LittleEndian)!
        let table = try CSVReader(delimiter: .tab).read(data)
        XCTAssertEqual(table.rows.first?.cells, ["张三", "1"])
    }

    func testGBKFixtureWithChineseNames() throws {
        let data = try Fixture.data("gbk.csv")
        XCTAssertNil(String(data: data, encoding: .utf8), "fixture must not be valid UTF-8")
        let table = try CSVReader().read(data)
        XCTAssertEqual(table.header, ["姓名", "电话", "地址"])
        XCTAssertEqual(
            table.rows.map(\.cells),
            [
                ["张三", "13800138000", "北京市朝阳区"],
                ["朱镕基", "", "上海市,浦东新区"],
                ["李喆", "010-1234", ""],
                ["王䶮", "", "第一行\r\n第二行"],
            ])
        XCTAssertEqual(table.rows.map(\.number), [2, 3, 4, 5])
    }

    func testBytesThatAreNeitherUTF8NorGB18030() {
        assertThrows(.unknownEncoding) { _ = try CSVReader().read(Data([0x61, 0x2C, 0xFF, 0xFF, 0x0A])) }
    }

    func testBinaryFileNamedCSV() {
        assertThrows(.unsupportedFormat(.other(fileExtension: ""))) {
            _ = try CSVReader().read(Data([0x61, 0x00, 0x62]))
        }
    }

    func testShortRowsArePaddedAndLongRowsReportedPerRow() throws {
        let table = try read("a,b,c\n1\n1,2,3,4\n5,6,7,,\n")
        XCTAssertEqual(table.rows.map(\.cells), [["1", "", ""], ["5", "6", "7"]])
        XCTAssertEqual(table.rows.map(\.number), [2, 4])
        XCTAssertEqual(table.rowErrors, [.rowTooLong(row: 3, cells: 4, columns: 3)])
        XCTAssertEqual(table.rowErrors.first?.code, "row_too_long")
        XCTAssertEqual(table.rowErrors.first?.row, 3)
        XCTAssertEqual(table.rowErrors.first?.message, "第 3 行有 4 列数据，超出表头的 3 列")
        XCTAssertThrowsError(try table.requireWellFormedRows()) { error in
            XCTAssertEqual((error as? SheetError)?.row, 3)
        }
    }

    func testEmptyFileAndWhitespaceOnlyFile() {
        assertThrows(.empty) { _ = try CSVReader().read(Data()) }
        assertThrows(.empty) { _ = try self.read("\n\r\n,,\n") }
    }

    func testHeaderOnlyGivesNoRows() throws {
        let table = try read("a,b\n")
        XCTAssertEqual(table.header, ["a", "b"])
        XCTAssertTrue(table.rows.isEmpty)
    }

    func testUnclosedQuoteIsMalformedAtItsRow() {
        XCTAssertThrowsError(try read("a,b\n1,2\n\"open,3\n4,5\n")) { error in
            XCTAssertEqual((error as? SheetError)?.code, "malformed_csv")
            XCTAssertEqual((error as? SheetError)?.row, 3)
        }
    }

    func testQuoteInsideUnquotedFieldAndTextAfterClosingQuote() throws {
        let table = try read("a,b\n5\"寸,\"ab\"c\n")
        XCTAssertEqual(table.rows.first?.cells, ["5\"寸", "abc"])
    }

    func testLimits() {
        assertThrows(.tooLarge(.fileBytes(4))) {
            _ = try CSVReader(limits: SheetLimits(maxFileBytes: 4)).read(Data("a,b\n1,2\n".utf8))
        }
        assertThrows(.tooLarge(.rows(2))) { _ = try self.read("a\n1\n2\n3\n", limits: SheetLimits(maxRows: 2)) }
        assertThrows(.tooLarge(.columns(3))) { _ = try self.read("a,b,c,d\n", limits: SheetLimits(maxColumns: 3)) }
        assertThrows(.tooLarge(.cells(4))) {
            _ = try self.read("a,b\n1,2\n3,4\n5,6\n", limits: SheetLimits(maxCells: 4))
        }
    }

    func testHeaderLookupIgnoresSurroundingWhitespace() throws {
        let table = try read(" 姓名\u{3000},电话 \n张三,1\n")
        XCTAssertEqual(table.columnIndex(named: "电话"), 1)
        XCTAssertEqual(table.columnIndex(named: "姓名"), 0)
        XCTAssertNil(table.columnIndex(named: "地址"))
        XCTAssertEqual(table.rows.first?[5], "")
    }

    func testSemicolonDelimiter() throws {
        let table = try CSVReader(delimiter: .semicolon).read(Data("a;b\n1,5;2\n".utf8))
        XCTAssertEqual(table.rows.first?.cells, ["1,5", "2"])
    }
}
